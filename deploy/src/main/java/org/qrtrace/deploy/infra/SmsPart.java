package org.qrtrace.deploy.infra;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What one submit_sm carries: its user data (short_message, or the message_payload parameter when short_message is
 * empty) without the user data header, its data coding, and, when it is one part of a concatenated message, which part.
 * Parts are announced either by a user data header (esm_class UDHI bit 0x40; information element 0x00 with an 8-bit
 * reference or 0x08 with a 16-bit one) or by the sar_* optional parameters.
 *
 * <p>Text: data coding 0x08 is UCS-2 (read as UTF-16BE, which is what senders of Vietnamese use). Every other data
 * coding is read as ISO-8859-1. For 0x00 (GSM 03.38 default alphabet, one septet per octet as SMPP carries it) that is
 * right for letters, digits and most punctuation but not for the characters whose GSM codes differ (e.g. '@' is 0x00,
 * '_' is 0x11, and the escape table): enough for a local stand-in, not a GSM codec.
 */
record SmsPart(byte[] userData, int dataCoding, Concatenation concatenation) {

    static final int UCS2 = 0x08;
    private static final int UDHI = 0x40;
    private static final int IE_CONCAT_8BIT = 0x00;
    private static final int IE_CONCAT_16BIT = 0x08;

    /** Part {@code sequence} (1-based) of {@code total}, all sharing {@code reference}. */
    record Concatenation(int reference, int total, int sequence) {
    }

    static SmsPart of(SubmitSm submit) throws ProcessRequestException {
        byte[] data = submit.getShortMessage();
        if (data == null || data.length == 0) {
            OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
            data = payload instanceof OptionalParameter.OctetString octets ? octets.getValue() : new byte[0];
        } else if (submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD) != null) {
            throw invalid("both short_message and message_payload are set");
        }
        int dataCoding = submit.getDataCoding() & 0xFF;
        Concatenation concatenation = null;
        if ((submit.getEsmClass() & UDHI) != 0) {
            if (data.length == 0) {
                throw invalid("esm_class announces a user data header, but there is no user data");
            }
            int headerLength = data[0] & 0xFF;
            if (1 + headerLength > data.length) {
                throw invalid("the user data header is longer than the user data");
            }
            concatenation = concatenationIn(Arrays.copyOfRange(data, 1, 1 + headerLength));
            data = Arrays.copyOfRange(data, 1 + headerLength, data.length);
        } else {
            concatenation = sarParameters(submit);
        }
        if (concatenation != null && (concatenation.total() < 1 || concatenation.sequence() < 1
                || concatenation.sequence() > concatenation.total())) {
            throw invalid("part " + concatenation.sequence() + " of " + concatenation.total());
        }
        if (dataCoding == UCS2 && data.length % 2 != 0) {
            // A part split inside a UCS-2 code unit is a sender bug that a handset would show as garbage.
            throw invalid("UCS-2 user data of odd length " + data.length);
        }
        return new SmsPart(data, dataCoding, concatenation);
    }

    /** The text of user data (one part's, or the concatenated parts' in order) in this data coding. */
    static String decode(byte[] userData, int dataCoding) {
        Charset charset = dataCoding == UCS2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1;
        return new String(userData, charset);
    }

    private static Concatenation concatenationIn(byte[] header) throws ProcessRequestException {
        int i = 0;
        while (i + 1 < header.length) {
            int id = header[i] & 0xFF;
            int length = header[i + 1] & 0xFF;
            int value = i + 2;
            if (value + length > header.length) {
                throw invalid("a user data header element runs past the header");
            }
            if (id == IE_CONCAT_8BIT && length == 3) {
                return new Concatenation(header[value] & 0xFF, header[value + 1] & 0xFF, header[value + 2] & 0xFF);
            }
            if (id == IE_CONCAT_16BIT && length == 4) {
                return new Concatenation(((header[value] & 0xFF) << 8) | (header[value + 1] & 0xFF),
                        header[value + 2] & 0xFF, header[value + 3] & 0xFF);
            }
            i = value + length; // another element (port addressing, national language shift, ...): not needed here
        }
        return null;
    }

    private static Concatenation sarParameters(SubmitSm submit) {
        OptionalParameter ref = submit.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM);
        OptionalParameter total = submit.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS);
        OptionalParameter seq = submit.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM);
        if (ref instanceof OptionalParameter.Short r && total instanceof OptionalParameter.Byte t
                && seq instanceof OptionalParameter.Byte s) {
            return new Concatenation(r.getValue() & 0xFFFF, t.getValue() & 0xFF, s.getValue() & 0xFF);
        }
        return null;
    }

    private static ProcessRequestException invalid(String why) {
        return new ProcessRequestException("invalid user data: " + why, SMPPConstant.STAT_ESME_RINVMSGLEN);
    }
}
