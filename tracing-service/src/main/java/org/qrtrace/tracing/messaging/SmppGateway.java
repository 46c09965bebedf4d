package org.qrtrace.tracing.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.domain.Ucs2Segments;
import org.qrtrace.tracing.service.NotificationOutbox;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one SMPP 3.4 session to the SMSC (jsmpp, bound as transceiver): submits a text as UCS-2 parts and hands
 * delivery receipts to the outbox. Binds when asked and not bound, with exponential backoff between failed binds;
 * a failed bind is logged once per outage, not per message. Never logs a phone or a text.
 */
@ApplicationScoped
public class SmppGateway {

    private static final Logger LOG = Logger.getLogger(SmppGateway.class);
    private static final byte UCS2 = 0x08;
    private static final byte UDH_INDICATOR = 0x40;

    /** What became of a submit. */
    public sealed interface Submission {
        /** Every part accepted: the SMSC's message ids, one per part. */
        record Accepted(List<String> messageIds) implements Submission { }

        /** Nothing accepted, and nothing the SMSC may have kept: safe to try again. */
        record Refused(String reason) implements Submission { }

        /**
         * The SMSC may have some or all of it (no answer, or a later part refused): {@code acceptedIds} are the parts
         * it answered for; receipts carrying the message's reference settle the rest.
         */
        record Uncertain(String reason, List<String> acceptedIds) implements Submission { }
    }

    private final TracingConfig.Smpp config;
    private final TracingConfig.Notifications notifications;
    private final NotificationOutbox outbox;
    private final AtomicInteger references = new AtomicInteger();
    private final ConnectionFactory connections;
    private SMPPSession session;
    private boolean down;
    private int failedBinds;
    private Instant nextBindAt = Instant.MIN;

    SmppGateway(TracingConfig config, NotificationOutbox outbox) {
        this.config = config.smpp();
        TracingConfig.Smpp.Tls tls = this.config.tls();
        this.connections = tls.enabled() ? SmppConnections.tls(tls.trustStore(), tls.trustStorePassword())
                : SmppConnections.plain();
        this.notifications = config.notifications();
        this.outbox = outbox;
    }

    /** True when bound (binding now if due); false while the SMSC cannot be reached, until the next try. */
    public synchronized boolean ensureBound(Instant now) {
        if (session != null && session.getSessionState().isBound()) {
            return true;
        }
        if (now.isBefore(nextBindAt)) {
            return false;
        }
        closeSession();
        SMPPSession s = new SMPPSession(connections);
        s.setTransactionTimer(config.timeout().toMillis());
        s.setEnquireLinkTimer((int) config.enquireLinkEvery().toMillis());
        s.setMessageReceiverListener(new Receipts());
        try {
            s.connectAndBind(config.host(), config.port(), new BindParameter(BindType.BIND_TRX, config.systemId(),
                    config.password().orElse(""), "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    config.timeout().toMillis());
        } catch (IOException e) {
            s.close();
            failedBinds++;
            Duration wait = outbox.backoff(failedBinds);
            nextBindAt = now.plus(wait);
            if (!down) {
                down = true;
                LOG.warnf("cannot bind to the SMSC at %s:%d as %s (%s); messages stay queued, binding again with backoff",
                        config.host(), config.port(), config.systemId(), e.getMessage());
            }
            return false;
        }
        session = s;
        if (down) {
            LOG.infof("bound to the SMSC at %s:%d again after %d failed binds", config.host(), config.port(), failedBinds);
        }
        down = false;
        failedBinds = 0;
        nextBindAt = Instant.MIN;
        return true;
    }

    /**
     * Submits the text to {@code destination} (international number without '+'), with a delivery receipt asked for
     * and the message's own {@code reference} as user_message_reference on every part, which the SMSC echoes in the
     * receipts.
     */
    public synchronized Submission submit(String destination, String text, int reference) {
        if (session == null || !session.getSessionState().isBound()) {
            return new Submission.Refused("not bound to the SMSC");
        }
        List<byte[]> parts = Ucs2Segments.split(text, references.incrementAndGet() & 0xFF);
        ESMClass esm = Ucs2Segments.concatenated(parts) ? new ESMClass(UDH_INDICATOR) : new ESMClass();
        List<String> ids = new ArrayList<>();
        for (byte[] part : parts) {
            String where = "part " + (ids.size() + 1) + " of " + parts.size();
            try {
                ids.add(session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                        config.sourceAddress(), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination,
                        esm, (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                        (byte) 0, DataCodings.newInstance(UCS2), (byte) 0, part,
                        new OptionalParameter.User_message_reference((short) reference)).getMessageId());
            } catch (NegativeResponseException e) {
                String reason = "submit_sm refused, status 0x" + Integer.toHexString(e.getCommandStatus()) + " (" + where + ")";
                return ids.isEmpty() ? new Submission.Refused(reason) : new Submission.Uncertain(reason + " after earlier parts were accepted", ids);
            } catch (IOException | PDUException | IllegalStateException e) {
                // Not written (connection lost, or a PDU jsmpp refused to build): the SMSC did not get this part.
                closeSession();
                String reason = "submit_sm not sent: " + e.getClass().getSimpleName() + " (" + where + ")";
                return ids.isEmpty() ? new Submission.Refused(reason) : new Submission.Uncertain(reason + " after earlier parts were accepted", ids);
            } catch (ResponseTimeoutException | InvalidResponseException e) {
                closeSession();
                return new Submission.Uncertain("no valid submit_sm_resp: " + e.getClass().getSimpleName() + " (" + where + ")", ids);
            }
        }
        return new Submission.Accepted(ids);
    }

    @PreDestroy
    synchronized void close() {
        closeSession();
    }

    private void closeSession() {
        if (session != null) {
            try {
                if (session.getSessionState().isBound()) {
                    session.unbindAndClose();
                } else {
                    session.close();
                }
            } catch (RuntimeException e) {
                LOG.debugf("closing the SMPP session: %s", e.toString());
            }
            session = null;
        }
    }

    /** Delivery receipts; anything else the SMSC sends is acknowledged and ignored. */
    private final class Receipts implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (!deliverSm.isSmscDeliveryReceipt()) {
                return;
            }
            try {
                var receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                OptionalParameter id = deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
                String messageId = id instanceof OptionalParameter.COctetString c ? c.getValueAsString() : receipt.getId();
                OptionalParameter reference = deliverSm.getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE);
                outbox.receipt(messageId, receipt.getFinalStatus().name(),
                        reference instanceof OptionalParameter.Short r ? Short.toUnsignedInt(r.getValue()) : null,
                        deliverSm.getSourceAddr());
            } catch (InvalidDeliveryReceiptException e) {
                LOG.warnf("an unreadable delivery receipt was ignored (%s)", e.getMessage());
            } catch (RuntimeException e) {
                // Not recorded (database down): refused, so that the SMSC sends it again.
                throw new ProcessRequestException("cannot record the receipt", 0x08, e);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not accepted", 0x03);
        }
    }
}
