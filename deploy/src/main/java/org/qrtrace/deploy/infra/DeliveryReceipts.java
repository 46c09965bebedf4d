package org.qrtrace.deploy.infra;

import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageState;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.util.DeliveryReceiptState;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Delivery receipts: a deliver_sm flagged as an SMSC delivery receipt, with the standard text and the
 * receipted_message_id and message_state parameters, sent a configured delay after the submit to a receiver or
 * transceiver session bound with the submitter's system id. When none is bound the receipt waits for one (tried every
 * second, dropped after an hour, lost on a restart: receipts are held in memory).
 *
 * <p>Outcomes are drawn at submit time, in submit order, from a generator seeded with the configured seed: the same
 * seed and the same sequence of submits give the same outcomes, so tests can count on them.
 */
final class DeliveryReceipts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReceipts.class);
    private static final long RETRY_MILLIS = 1000;
    private static final Duration GIVE_UP_AFTER = Duration.ofHours(1);
    /** The receipt's text: field carries the first 20 characters of the message, as SMSCs commonly do. */
    private static final int TEXT_CHARS = 20;

    /** What happened to a message, as the receipt says it. The error codes are this stand-in's own (they are SMSC-specific). */
    enum Outcome {
        DELIVERED(DeliveryReceiptState.DELIVRD, MessageState.DELIVERED, "000"),
        UNDELIVERABLE(DeliveryReceiptState.UNDELIV, MessageState.UNDELIVERABLE, "001"),
        EXPIRED(DeliveryReceiptState.EXPIRED, MessageState.EXPIRED, "002");

        final DeliveryReceiptState stat;
        final MessageState state;
        final String error;

        Outcome(DeliveryReceiptState stat, MessageState state, String error) {
            this.stat = stat;
            this.state = state;
            this.error = error;
        }
    }

    private final Duration delay;
    private final double failureRate;
    private final SplittableRandom random;
    private final Clock clock;
    private final Function<String, Optional<SMPPServerSession>> receiverFor;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smsc-receipts");
        t.setDaemon(true);
        return t;
    });

    /** @param receiverFor a bound session, of the given system id, that can take a deliver_sm now */
    DeliveryReceipts(Duration delay, double failureRate, long seed, Clock clock,
                     Function<String, Optional<SMPPServerSession>> receiverFor) {
        this.delay = delay;
        this.failureRate = failureRate;
        this.random = new SplittableRandom(seed);
        this.clock = clock;
        this.receiverFor = receiverFor;
    }

    /** The outcome of the next submit (called once per accepted submit_sm, in order). */
    synchronized Outcome nextOutcome() {
        if (random.nextDouble() >= failureRate) {
            return Outcome.DELIVERED;
        }
        return random.nextBoolean() ? Outcome.UNDELIVERABLE : Outcome.EXPIRED;
    }

    /**
     * Whether registered_delivery asks for a receipt of this outcome (bits 1-0: 01 success or failure, 10 failure
     * only; 11, success only, is SMPP 5.0's and honoured too).
     */
    static boolean wanted(byte registeredDelivery, Outcome outcome) {
        return switch (registeredDelivery & 0x03) {
            case 1 -> true;
            case 2 -> outcome != Outcome.DELIVERED;
            case 3 -> outcome == Outcome.DELIVERED;
            default -> false;
        };
    }

    /** Sends the receipt of one submit_sm after the delay. {@code text} is that part's text. */
    void schedule(String systemId, SubmitSm submit, String messageId, String text, Instant submittedAt, Outcome outcome) {
        Receipt receipt = new Receipt(systemId, messageId, outcome, submittedAt,
                TypeOfNumber.valueOf(submit.getDestAddrTon()), NumberingPlanIndicator.valueOf(submit.getDestAddrNpi()),
                submit.getDestAddress(),
                TypeOfNumber.valueOf(submit.getSourceAddrTon()), NumberingPlanIndicator.valueOf(submit.getSourceAddrNpi()),
                submit.getSourceAddr(), text.length() > TEXT_CHARS ? text.substring(0, TEXT_CHARS) : text,
                submit.getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE));
        scheduler.schedule(() -> send(receipt), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The receipt goes from the handset (the message's destination) to the sender (its source). */
    private record Receipt(String systemId, String messageId, Outcome outcome, Instant submittedAt,
                           TypeOfNumber fromTon, NumberingPlanIndicator fromNpi, String from,
                           TypeOfNumber toTon, NumberingPlanIndicator toNpi, String to, String text,
                           OptionalParameter userMessageReference) {

        /** Receipted id and state, and the submitter's own reference echoed back when it gave one (SMPP 3.4 5.3.2.17). */
        OptionalParameter[] optionalParameters() {
            OptionalParameter id = new OptionalParameter.Receipted_message_id(messageId);
            OptionalParameter state = new OptionalParameter.Message_state(outcome.state.value());
            return userMessageReference == null ? new OptionalParameter[] {id, state}
                    : new OptionalParameter[] {id, state, userMessageReference};
        }
    }

    private void send(Receipt r) {
        Optional<SMPPServerSession> session = receiverFor.apply(r.systemId());
        if (session.isPresent()) {
            try {
                Instant done = clock.instant();
                String body = new DeliveryReceipt(r.messageId(), 1, r.outcome() == Outcome.DELIVERED ? 1 : 0,
                        Date.from(r.submittedAt()), Date.from(done), r.outcome().stat, r.outcome().error, r.text()).toString();
                session.get().deliverShortMessage("", r.fromTon(), r.fromNpi(), r.from(), r.toTon(), r.toNpi(), r.to(),
                        new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                        (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                        body.getBytes(StandardCharsets.ISO_8859_1), r.optionalParameters());
                return;
            } catch (Exception e) {
                LOG.warn("receipt for {} not taken ({}); trying again", r.messageId(), e.toString());
            }
        }
        if (Duration.between(r.submittedAt(), clock.instant()).compareTo(GIVE_UP_AFTER) > 0) {
            LOG.warn("receipt for {} dropped: no receiver bound as {} within {}",
                    r.messageId(), r.systemId(), GIVE_UP_AFTER);
            return;
        }
        if (!scheduler.isShutdown()) {
            scheduler.schedule(() -> send(r), RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
