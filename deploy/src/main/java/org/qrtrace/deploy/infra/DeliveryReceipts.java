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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
 * second, dropped after an hour). With a {@link ReceiptJournal} the receipts owed survive a restart (killed or not) and
 * are sent once a receiver binds again, as at a carrier's SMSC; without one (tests) they are held in memory only.
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

    private final ReceiptJournal journal;

    /**
     * @param receiverFor a bound session, of the given system id, that can take a deliver_sm now
     * @param journal     where receipts owed are kept across restarts; null to hold them in memory only. The receipts an
     *                    earlier run owed are scheduled at once (or when their delay is over).
     */
    DeliveryReceipts(Duration delay, double failureRate, long seed, Clock clock,
                     Function<String, Optional<SMPPServerSession>> receiverFor, ReceiptJournal journal) {
        this.delay = delay;
        this.failureRate = failureRate;
        this.random = new SplittableRandom(seed);
        this.clock = clock;
        this.receiverFor = receiverFor;
        this.journal = journal;
        if (journal != null) {
            List<jakarta.json.JsonObject> owed = journal.owed();
            for (jakarta.json.JsonObject json : owed) {
                try {
                    Receipt r = Receipt.fromJson(json);
                    long wait = Math.max(0, Duration.between(clock.instant(), r.submittedAt().plus(delay)).toMillis());
                    scheduler.schedule(() -> send(r), wait, TimeUnit.MILLISECONDS);
                } catch (RuntimeException e) {
                    LOG.warn("a receipt owed could not be read back and is dropped: {}", e.toString());
                }
            }
            if (!owed.isEmpty()) {
                LOG.info("{} delivery receipts owed from before the restart", owed.size());
            }
        }
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

    /**
     * Sends the receipt of one submit_sm after the delay. {@code text} is that part's text. With a journal the receipt
     * is written there first: call this before the submit_sm_resp goes out.
     */
    void schedule(String systemId, SubmitSm submit, String messageId, String text, Instant submittedAt, Outcome outcome)
            throws IOException {
        OptionalParameter reference = submit.getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE);
        Receipt receipt = new Receipt(systemId, messageId, outcome, submittedAt,
                TypeOfNumber.valueOf(submit.getDestAddrTon()), NumberingPlanIndicator.valueOf(submit.getDestAddrNpi()),
                submit.getDestAddress(),
                TypeOfNumber.valueOf(submit.getSourceAddrTon()), NumberingPlanIndicator.valueOf(submit.getSourceAddrNpi()),
                submit.getSourceAddr(), text.length() > TEXT_CHARS ? text.substring(0, TEXT_CHARS) : text,
                reference instanceof OptionalParameter.Short s ? Short.toUnsignedInt(s.getValue()) : null);
        if (journal != null) {
            journal.due(messageId, receipt.toJson());
        }
        scheduler.schedule(() -> send(receipt), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The receipt goes from the handset (the message's destination) to the sender (its source); {@code reference} is
     * the submitter's user_message_reference (unsigned), null when it gave none.
     */
    private record Receipt(String systemId, String messageId, Outcome outcome, Instant submittedAt,
                           TypeOfNumber fromTon, NumberingPlanIndicator fromNpi, String from,
                           TypeOfNumber toTon, NumberingPlanIndicator toNpi, String to, String text,
                           Integer reference) {

        /** Receipted id and state, and the submitter's own reference echoed back when it gave one (SMPP 3.4 5.3.2.17). */
        OptionalParameter[] optionalParameters() {
            OptionalParameter id = new OptionalParameter.Receipted_message_id(messageId);
            OptionalParameter state = new OptionalParameter.Message_state(outcome.state.value());
            return reference == null ? new OptionalParameter[] {id, state}
                    : new OptionalParameter[] {id, state, new OptionalParameter.User_message_reference((short) (int) reference)};
        }

        jakarta.json.JsonObject toJson() {
            jakarta.json.JsonObjectBuilder b = SmscJson.PROVIDER.createObjectBuilder()
                    .add("systemId", systemId).add("messageId", messageId).add("outcome", outcome.name())
                    .add("submittedAt", submittedAt.toString())
                    .add("fromTon", fromTon.value()).add("fromNpi", fromNpi.value()).add("from", nonNull(from))
                    .add("toTon", toTon.value()).add("toNpi", toNpi.value()).add("to", nonNull(to))
                    .add("text", text);
            if (reference != null) {
                b.add("reference", reference);
            }
            return b.build();
        }

        static Receipt fromJson(jakarta.json.JsonObject o) {
            return new Receipt(o.getString("systemId"), o.getString("messageId"), Outcome.valueOf(o.getString("outcome")),
                    Instant.parse(o.getString("submittedAt")),
                    TypeOfNumber.valueOf((byte) o.getInt("fromTon")), NumberingPlanIndicator.valueOf((byte) o.getInt("fromNpi")),
                    o.getString("from"),
                    TypeOfNumber.valueOf((byte) o.getInt("toTon")), NumberingPlanIndicator.valueOf((byte) o.getInt("toNpi")),
                    o.getString("to"), o.getString("text"), o.containsKey("reference") ? o.getInt("reference") : null);
        }

        private static String nonNull(String s) {
            return s == null ? "" : s;
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
                settled(r);
                return;
            } catch (Exception e) {
                LOG.warn("receipt for {} not taken ({}); trying again", r.messageId(), e.toString());
            }
        }
        if (Duration.between(r.submittedAt(), clock.instant()).compareTo(GIVE_UP_AFTER) > 0) {
            LOG.warn("receipt for {} dropped: no receiver bound as {} within {}",
                    r.messageId(), r.systemId(), GIVE_UP_AFTER);
            settled(r);
            return;
        }
        if (!scheduler.isShutdown()) {
            scheduler.schedule(() -> send(r), RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Not owed any more (taken, or given up). */
    private void settled(Receipt r) {
        if (journal != null) {
            try {
                journal.sent(r.messageId());
            } catch (IOException e) {
                // Sent again after a restart at worst; ESMEs take receipts idempotently.
                LOG.warn("receipt for {} sent but not marked in the journal: {}", r.messageId(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                LOG.warn("closing the receipt journal: {}", e.toString());
            }
        }
    }
}
