package org.qrtrace.deploy.infra;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import java.time.Instant;
import java.util.List;

/**
 * One short message as the local SMSC received it: the whole text, reassembled when it came in concatenated parts.
 *
 * @param messageId   the id answered to the first part (the only one when {@code parts == 1})
 * @param messageIds  the ids answered to each part, in part order (each part has its own receipt, as at a real SMSC)
 * @param systemId    the system id of the session that submitted it
 * @param source      source address (the sender id shown on the handset)
 * @param destination destination address (the phone number)
 * @param text        the decoded text (data coding 0x08: UCS-2; otherwise read as Latin-1, see {@link SmsPart})
 * @param dataCoding  the submit_sm data_coding byte
 * @param parts       how many submit_sm made this message
 * @param receivedAt  when its last part arrived
 */
public record SmscMessage(String messageId, List<String> messageIds, String systemId, String source, String destination,
                          String text, int dataCoding, int parts, Instant receivedAt) {

    public SmscMessage {
        messageIds = List.copyOf(messageIds);
        if (messageIds.isEmpty() || !messageIds.get(0).equals(messageId) || messageIds.size() != parts) {
            throw new IllegalArgumentException("messageIds must list one id per part, the first being messageId");
        }
    }

    JsonObject toJson() {
        JsonObjectBuilder b = SmscJson.PROVIDER.createObjectBuilder()
                .add("messageId", messageId)
                .add("messageIds", SmscJson.PROVIDER.createArrayBuilder(messageIds))
                .add("systemId", systemId)
                .add("source", source)
                .add("destination", destination)
                .add("text", text)
                .add("dataCoding", dataCoding)
                .add("parts", parts)
                .add("receivedAt", receivedAt.toString());
        return b.build();
    }

    static SmscMessage fromJson(JsonObject o) {
        return new SmscMessage(o.getString("messageId"),
                o.getJsonArray("messageIds").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                o.getString("systemId"), o.getString("source"), o.getString("destination"), o.getString("text"),
                o.getInt("dataCoding"), o.getInt("parts"), Instant.parse(o.getString("receivedAt")));
    }
}
