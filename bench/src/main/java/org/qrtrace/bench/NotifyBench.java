package org.qrtrace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.qrtrace.common.crypto.ContactSeal;
import org.qrtrace.common.crypto.Pseudonymiser;
import org.qrtrace.common.crypto.SealedContact;
import org.qrtrace.common.phone.E164Phone;
import org.qrtrace.events.CheckedIn;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.events.kafka.EventSerializer;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * {@code bench/run notify}: SMS notifications of issue #18, on the local stack with its SMSC. Three measurements:
 * <ol>
 *   <li>messages per second reaching the SMSC against tracing-service's configured {@code rate-per-second}, for a few
 *       rates ({@code BENCH_NOTIFY_RATES}, default 50,200,1000), tracing-service restarted with the send window open all
 *       day and that rate;</li>
 *   <li>for each of those runs, {@code BENCH_NOTIFY_CONTACTS} (default 10,000) contacts of one case: time from the
 *       notify call to the last delivery receipt applied, with queue time, first and last submit, status counts;</li>
 *   <li>a fault run ({@code BENCH_NOTIFY_FAULT_RATE}, default 200/s, receipt-wait {@code BENCH_NOTIFY_RECEIPT_WAIT},
 *       default PT60S): kill -9 tracing-service a third of the way through and restart it, kill -9 the SMSC two thirds
 *       through and restart it; then every contact must have exactly one message at the SMSC and every row its final
 *       status.</li>
 * </ol>
 * The contacts are real: one CheckedIn event per distinct phone (sealed with the stack's public key, pseudonym from its
 * pepper, as checkin-service makes them) overlapping an index person's visit at one venue, produced to Kafka and
 * ingested by tracing-service; the case is opened, its exposure query run under the case's reference (which makes them
 * the case's contacts) and its F1 contacts notified through the API as a health officer. Any shortfall (contacts,
 * messages, final rows) ends the run with an exception, so bench/run exits non-zero.
 */
final class NotifyBench {

    private static final Set<String> FINAL = Set.of("DELIVERED", "FAILED", "EXPIRED");
    /** The venue's district (Thành phố Hải Dương) inside the officer's province 30. */
    private static final String DISTRICT = "288";
    private static final String PROVINCE = "30";

    private final Stack stack;
    private final Path root;
    private final Path smscLog;
    private final StringBuilder log = new StringBuilder();
    private final Random random = new Random();

    NotifyBench(Stack stack, Path root) {
        this.stack = stack;
        this.root = root;
        this.smscLog = stack.dir.resolve("smsc/messages.jsonl");
    }

    /** One message as the SMSC logged it. */
    record SmscMessage(String destination, Instant receivedAt, int parts) {
    }

    /** The people of one run: the index person and the contacts, all at one venue. */
    record Population(String run, String venueId, String indexPhone, List<String> phones, Instant from) {
    }

    /** What a notify run measured. */
    record Outcome(String caseId, int contacts, int queued, double queueSeconds, Instant notifyAt, Instant firstSubmit,
                   Instant lastSubmit, Instant lastReceipt, Instant lastFinal, Map<String, Integer> statuses,
                   List<SmscMessage> messages, int claimedAgain, Instant lastClaimedAgainSubmitted) {
    }

    // ------------------------------------------------------------------------------------------------ measurements 1, 2

    void throughput(int[] rates, int contacts) throws Exception {
        note("# notify throughput: %,d contacts per run, configured rates %s; SMSC receipt delay %s, failure rate %s",
                contacts, java.util.Arrays.toString(rates), System.getenv().getOrDefault("SMSC_RECEIPT_DELAY", "PT1S (default)"),
                System.getenv().getOrDefault("SMSC_FAILURE_RATE", "0 (default)"));
        List<String> rows = new ArrayList<>();
        try {
            for (int rate : rates) {
                restartTracing(sendingEnv(rate, null));
                Population people = populate(contacts, "R" + rate);
                String caseId = openCaseAndQuery(people);
                CpuMeter cpu = new CpuMeter(stack.dir).with("smsc", CpuMeter.pidOf(stack.dir, "smsc"));
                CpuMeter.Sample before = cpu.sample();
                Outcome o = notifyAndWait(caseId, people, Duration.ofSeconds(Math.max(600, 3L * contacts / Math.min(rate, 100) + 300)),
                        null);
                CpuMeter.Sample after = cpu.sample();
                check(o, people, false);
                Rates r = rates(o.messages());
                long submits = o.messages().stream().mapToLong(SmscMessage::parts).sum();
                note("rate %d/s: %,d messages (%,d submit_sm, %.1f parts each); at the SMSC: steady %.1f msgs/s (middle 80%%), "
                                + "overall %.1f msgs/s, best second %d; notify call %.2f s; first submit +%.1f s, last submit +%.1f s, "
                                + "last receipt +%.1f s, last row final +%.1f s; end to end %.1f msgs/s; statuses %s",
                        rate, o.messages().size(), submits, (double) submits / o.messages().size(), r.steady(), r.overall(),
                        r.bestSecond(), o.queueSeconds(), secs(o.notifyAt(), o.firstSubmit()), secs(o.notifyAt(), o.lastSubmit()),
                        secs(o.notifyAt(), o.lastReceipt()), secs(o.notifyAt(), o.lastFinal()),
                        o.contacts() / secs(o.notifyAt(), o.lastFinal()), o.statuses());
                note("  CPU from the notify call to the last row final (%,d messages):%n%s", o.messages().size(),
                        CpuMeter.report(before, after, o.messages().size()).stripTrailing());
                rows.add(String.format("| %d/s | %.1f | %.1f | %d | %,d | %.2f s | %.1f s | %.1f s | %.1f s | %.1f s | %.1f | %s |",
                        rate, r.steady(), r.overall(), r.bestSecond(), o.messages().size(), o.queueSeconds(),
                        secs(o.notifyAt(), o.firstSubmit()), secs(o.notifyAt(), o.lastSubmit()),
                        secs(o.notifyAt(), o.lastReceipt()), secs(o.notifyAt(), o.lastFinal()),
                        o.contacts() / secs(o.notifyAt(), o.lastFinal()), o.statuses()));
            }
        } finally {
            if (!rows.isEmpty()) {
                note("");
                note("| configured rate | steady msgs/s at the SMSC | overall msgs/s | best second | messages | notify call "
                        + "(queue) | first submit | last submit | last receipt | last row final (end to end) | end-to-end msgs/s | statuses |");
                note("|---|---|---|---|---|---|---|---|---|---|---|---|");
                rows.forEach(this::note);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ measurement 3

    void fault(int rate, int contacts, Duration receiptWait) throws Exception {
        note("# notify fault run: %,d contacts at %d/s, receipt-wait %s; kill -9 tracing-service at 1/3, the SMSC at 2/3",
                contacts, rate, receiptWait);
        restartTracing(sendingEnv(rate, receiptWait));
        Population people = populate(contacts, "F" + rate);
        String caseId = openCaseAndQuery(people);
        Map<String, Instant> faults = new LinkedHashMap<>();
        Map<String, Instant> ready = new LinkedHashMap<>();
        Map<String, Integer> sendingAfter = new LinkedHashMap<>();
        Faults plan = new Faults(contacts, faults, ready, sendingAfter, caseId, rate, receiptWait);
        Outcome o = notifyAndWait(caseId, people,
                Duration.ofSeconds(Math.max(900, 3L * contacts / Math.min(rate, 100) + 10 * receiptWait.toSeconds() + 600)), plan);
        if (faults.size() < 2) {
            throw new IllegalStateException("the faults were not both injected: " + faults.keySet());
        }
        // Recovery: from each kill to the next message the SMSC logged after the component was ready again.
        List<SmscMessage> byTime = new ArrayList<>(o.messages());
        byTime.sort(java.util.Comparator.comparing(SmscMessage::receivedAt));
        for (Map.Entry<String, Instant> kill : faults.entrySet()) {
            Instant back = ready.get(kill.getKey());
            Instant resumed = byTime.stream().map(SmscMessage::receivedAt).filter(t -> t.isAfter(back)).findFirst().orElse(null);
            long before = byTime.stream().filter(m -> m.receivedAt().isBefore(kill.getValue())).count();
            note("%s: killed at %s with %,d of %,d messages at the SMSC (%d rows SENDING just after); ready again %.1f s later; "
                            + "next message at the SMSC %.1f s after the kill", kill.getKey(), kill.getValue(), before, contacts,
                    sendingAfter.getOrDefault(kill.getKey(), -1), secs(kill.getValue(), back),
                    resumed == null ? Double.NaN : secs(kill.getValue(), resumed));
        }
        Rates r = rates(o.messages());
        note("fault run: notify call %.2f s; first submit +%.1f s, last submit +%.1f s, last receipt +%.1f s, last row final "
                        + "+%.1f s; %.1f msgs/s end to end (steady %.1f at the SMSC); rows claimed more than once (attempts > 1: "
                        + "re-sent after the receipt wait, or refused while the SMSC was down): %d, the last of them submitted at "
                        + "+%.1f s; statuses %s", o.queueSeconds(), secs(o.notifyAt(), o.firstSubmit()), secs(o.notifyAt(), o.lastSubmit()),
                secs(o.notifyAt(), o.lastReceipt()), secs(o.notifyAt(), o.lastFinal()),
                o.contacts() / secs(o.notifyAt(), o.lastFinal()), r.steady(), o.claimedAgain(),
                secs(o.notifyAt(), o.lastClaimedAgainSubmitted()), o.statuses());
        check(o, people, true);
    }

    /** What the runs printed that belongs in the results file. */
    String log() {
        return log.toString();
    }

    /** tracing-service as the stack runs it (TRACING_EXTRA_ENV of bench/run's caller, usually none), after the runs. */
    void restoreTracing() {
        try {
            restartTracing(System.getenv().getOrDefault("TRACING_EXTRA_ENV", ""));
        } catch (Exception e) {
            System.out.println("could not restart tracing-service with its usual settings: " + e);
        }
    }

    /** Kills tracing-service at a third of the messages, the SMSC at two thirds, restarting each; called while polling. */
    private final class Faults {
        private final int contacts;
        private final Map<String, Instant> faults;
        private final Map<String, Instant> ready;
        private final Map<String, Integer> sendingAfter;
        private final String caseId;
        private final int rate;
        private final Duration receiptWait;

        Faults(int contacts, Map<String, Instant> faults, Map<String, Instant> ready, Map<String, Integer> sendingAfter,
               String caseId, int rate, Duration receiptWait) {
            this.contacts = contacts;
            this.faults = faults;
            this.ready = ready;
            this.sendingAfter = sendingAfter;
            this.caseId = caseId;
            this.rate = rate;
            this.receiptWait = receiptWait;
        }

        void progress(int atSmsc) throws Exception {
            if (!faults.containsKey("tracing-service") && atSmsc >= contacts / 3) {
                faults.put("tracing-service", crash("tracing-service"));
                sendingAfter.put("tracing-service", statuses(caseId).getOrDefault("SENDING", 0));
                start("tracing-service", sendingEnv(rate, receiptWait));
                ready.put("tracing-service", Instant.now());
            } else if (faults.containsKey("tracing-service") && !faults.containsKey("smsc") && atSmsc >= 2 * contacts / 3) {
                faults.put("smsc", crash("smsc"));
                start("smsc", null);
                ready.put("smsc", Instant.now());
                // The restarted SMSC says how many receipts it still owed (its journal, deploy's ReceiptJournal).
                Files.readAllLines(stack.dir.resolve("logs/smsc.log")).stream().filter(l -> l.contains("owed from before"))
                        .forEach(l -> note("smsc after its restart: %s", l.substring(l.indexOf(" - ") + 3)));
                sendingAfter.put("smsc", statuses(caseId).getOrDefault("SENDING", 0));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the steps

    /** The settings tracing-service runs with for a run: the send window open all day, the rate, maybe the receipt wait. */
    private static String sendingEnv(int rate, Duration receiptWait) {
        return "QRTRACE_TRACING_NOTIFICATIONS_WINDOW_START=00:00 QRTRACE_TRACING_NOTIFICATIONS_WINDOW_END=24:00 "
                + "QRTRACE_TRACING_NOTIFICATIONS_RATE_PER_SECOND=" + rate
                + (receiptWait == null ? "" : " QRTRACE_TRACING_NOTIFICATIONS_RECEIPT_WAIT=" + receiptWait)
                + " " + System.getenv().getOrDefault("BENCH_TRACING_ENV", "");
    }

    /** Stops tracing-service (SIGTERM, as stop-local does) and starts it with {@code extraEnv} as TRACING_EXTRA_ENV. */
    void restartTracing(String extraEnv) throws Exception {
        Path pidFile = stack.dir.resolve("pids/tracing-service.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                if (System.nanoTime() > deadline) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
                Thread.sleep(100);
            }
            Files.deleteIfExists(pidFile);
        }
        long t = System.nanoTime();
        start("tracing-service", extraEnv);
        System.out.printf("tracing-service restarted in %.1f s with TRACING_EXTRA_ENV=%s%n", (System.nanoTime() - t) / 1e9,
                extraEnv.strip());
    }

    private void start(String component, String tracingEnv) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(root.resolve("deploy/start-component").toString(), component)
                .directory(root.toFile()).redirectErrorStream(true);
        if (tracingEnv != null) {
            pb.environment().put("TRACING_EXTRA_ENV", tracingEnv.strip());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("starting " + component + " failed: " + out);
        }
    }

    private Instant crash(String component) throws Exception {
        Path pidFile = stack.dir.resolve("pids/" + component + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        Instant at = Instant.now();
        new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            Thread.sleep(20);
        }
        Files.deleteIfExists(pidFile);
        System.out.printf("kill -9 %s (pid %d) at %s%n", component, pid, at);
        return at;
    }

    /**
     * A venue, an index person's 3-hour visit and one visit of {@code contacts} distinct phones overlapping it by 45-60
     * minutes, produced as CheckedIn events (sealed contacts, real pseudonyms) and waited for in the presence store.
     */
    Population populate(int contacts, String tag) throws Exception {
        if (contacts < 1 || contacts > 10_000) {
            throw new IllegalArgumentException("BENCH_NOTIFY_CONTACTS must be 1 to 10,000 (phones +8490RRRNNNN)");
        }
        String run = freeRunNumber();
        String venueId = stack.createVenue("Chợ thử tin " + run, "SUPERMARKET", DISTRICT).path("id").asText();
        awaitVenue(venueId);
        String indexPhone = "+8493" + run + "0000";
        List<String> phones = new ArrayList<>(contacts);
        for (int i = 0; i < contacts; i++) {
            phones.add(String.format("+8490%s%04d", run, i));
        }
        Instant from = Instant.now().minus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Pseudonymiser pepper = Pseudonymiser.fromBase64(stack.secrets.getProperty("QRTRACE_PEPPER"));
        ContactSeal.Session session = new ContactSeal.Session(
                ContactSeal.publicKeyFromBase64(stack.secrets.getProperty("QRTRACE_SEAL_PUBLIC_KEY")), 1_000_000, Duration.ofHours(1));
        long t = System.nanoTime();
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.env.getProperty("KAFKA_BOOTSTRAP"),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, EventEnvelope> producer = new KafkaProducer<>(props, new StringSerializer(), new EventSerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            sent.add(send(producer, checkIn(venueId, pepper, session, indexPhone, from, from.plus(3, ChronoUnit.HOURS))));
            for (int i = 0; i < contacts; i++) {
                Instant in = from.plus(30, ChronoUnit.MINUTES).plusSeconds(i % 900);
                sent.add(send(producer, checkIn(venueId, pepper, session, phones.get(i), in, in.plus(1, ChronoUnit.HOURS))));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
        long expected = contacts + 1L;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long stored;
        while ((stored = visitsAt(venueId)) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + stored + " of " + expected + " visits reached tracing-service");
            }
            Thread.sleep(500);
        }
        System.out.printf("run %s (%s): %,d visits produced and stored in %.1f s at venue %s%n", run, tag, expected,
                (System.nanoTime() - t) / 1e9, venueId);
        return new Population(run, venueId, indexPhone, phones, from);
    }

    private static Future<?> send(KafkaProducer<String, EventEnvelope> producer, EventEnvelope e) {
        return producer.send(new ProducerRecord<>(e.topic(), e.key(), e));
    }

    private static EventEnvelope checkIn(String venueId, Pseudonymiser pepper, ContactSeal.Session session, String phone,
                                         Instant in, Instant out) {
        String sealed = new SealedContact(phone, null).sealWith(session);
        return EventEnvelope.of(UUID.randomUUID(), in, "bench", new CheckedIn(UUID.randomUUID(), UUID.fromString(venueId), null,
                pepper.pseudonymOf(E164Phone.parse(phone)), sealed, in, out, CheckedIn.Source.API, null, false, null, List.of()));
    }

    /** Three digits no earlier run has used for its phones (none of them in the SMSC's log). */
    private String freeRunNumber() throws IOException {
        Set<String> used = readSmsc(0).messages().stream().map(SmscMessage::destination)
                .filter(d -> d.startsWith("8490") && d.length() == 11).map(d -> d.substring(4, 7)).collect(Collectors.toSet());
        for (int i = 0; i < 1000; i++) {
            String run = String.valueOf(100 + random.nextInt(900));
            if (!used.contains(run)) {
                return run;
            }
        }
        throw new IllegalStateException("no free run number for the phones +8490RRR....");
    }

    /** Opens the case, runs its exposure query under its reference and checks every contact is an F1 of it. */
    String openCaseAndQuery(Population people) throws Exception {
        String reference = "BENCH-NOTIFY-" + people.run();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseReference", reference);
        body.put("phone", people.indexPhone());
        body.put("confirmedAt", Instant.now().toString());
        body.put("adminUnitCode", DISTRICT);
        String caseId = post("/api/v1/cases", body, 201).path("id").asText();
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("caseReference", reference);
        query.put("phone", people.indexPhone());
        query.put("from", people.from().minus(1, ChronoUnit.HOURS).toString());
        query.put("to", Instant.now().toString());
        query.put("bufferMinutes", 30);
        query.put("minOverlapMinutes", 15);
        query.put("depth", 1);
        long t = System.nanoTime();
        JsonNode answer = post("/api/v1/exposure-queries", query, 200);
        Map<String, Integer> tiers = new TreeMap<>();
        answer.path("contacts").forEach(c -> tiers.merge(c.path("tier").asText(), 1, Integer::sum));
        System.out.printf("case %s (%s): exposure query %.1f s, contacts %s%n", reference, caseId, (System.nanoTime() - t) / 1e9, tiers);
        if (tiers.getOrDefault("F1", 0) != people.phones().size()) {
            throw new IllegalStateException("the exposure query found " + tiers + " contacts, expected "
                    + people.phones().size() + " F1");
        }
        return caseId;
    }

    /** Notifies the case's F1 contacts and polls until every message is final; {@code faults} injects crashes meanwhile. */
    Outcome notifyAndWait(String caseId, Population people, Duration timeout, Faults faults) throws Exception {
        long offset = Files.exists(smscLog) ? Files.size(smscLog) : 0;
        Set<String> destinations = people.phones().stream().map(p -> p.substring(1)).collect(Collectors.toSet());
        Instant notifyAt = Instant.now();
        long t = System.nanoTime();
        JsonNode answer = post("/api/v1/cases/" + caseId + "/notifications", Map.of("tiers", List.of("F1"), "language", "vi"), 202);
        double queueSeconds = (System.nanoTime() - t) / 1e9;
        int queued = answer.path("queued").asInt();
        System.out.printf("notify: %s in %.2f s%n", answer, queueSeconds);
        if (queued != people.phones().size()) {
            throw new IllegalStateException("notify queued " + queued + " messages, expected " + people.phones().size() + ": " + answer);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastPrint = 0;
        Map<String, Integer> statuses;
        Map<String, Integer> lastStatuses = Map.of();
        int lastAtSmsc = -1;
        long lastChange = System.nanoTime();
        // Longer than any wait the service itself has (receipt-wait, bind backoff), so a stall is a real one.
        Duration stall = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_NOTIFY_STALL_SECONDS", "300")));
        SmscRead read = new SmscRead(List.of(), offset);
        List<SmscMessage> ours = new ArrayList<>();
        while (true) {
            read = readSmsc(read.offset());
            read.messages().stream().filter(m -> destinations.contains(m.destination())).forEach(ours::add);
            statuses = statuses(caseId);
            boolean done = statuses.keySet().stream().allMatch(FINAL::contains)
                    && statuses.values().stream().mapToInt(Integer::intValue).sum() == queued;
            if (System.nanoTime() - lastPrint > 5e9 || done) {
                System.out.printf("  +%5.1f s  at the SMSC %,6d  rows %s%n", secs(notifyAt, Instant.now()), ours.size(), statuses);
                lastPrint = System.nanoTime();
            }
            if (done) {
                break;
            }
            if (faults != null) {
                faults.progress(ours.size());
            }
            if (!statuses.equals(lastStatuses) || ours.size() != lastAtSmsc) {
                lastStatuses = statuses;
                lastAtSmsc = ours.size();
                lastChange = System.nanoTime();
            }
            if (System.nanoTime() > deadline || System.nanoTime() - lastChange > stall.toNanos()) {
                // Not every row final and nothing moving: stop waiting, report what is stuck (the caller's check fails).
                note("STALLED: after %.0f s not every message is final and nothing changed for %.0f s: %s, %,d at the SMSC",
                        secs(notifyAt, Instant.now()), (System.nanoTime() - lastChange) / 1e9, statuses, ours.size());
                stuck(caseId);
                break;
            }
            Thread.sleep(faults == null ? 500 : 200);
        }
        // Receipts may still be on their way for messages already final; read the log once more after a pause.
        Thread.sleep(2000);
        readSmsc(read.offset()).messages().stream().filter(m -> destinations.contains(m.destination())).forEach(ours::add);
        try (Connection c = stack.database("tracing");
             PreparedStatement ps = c.prepareStatement("SELECT min(submitted_at), max(submitted_at), max(updated_at), "
                     + "count(*) FILTER (WHERE attempts > 1), max(submitted_at) FILTER (WHERE attempts > 1) "
                     + "FROM notification WHERE case_id = ?::uuid");
             PreparedStatement receipts = c.prepareStatement("SELECT max(r.received_at) FROM notification n "
                     + "CROSS JOIN LATERAL unnest(n.smsc_message_ids) AS id(v) JOIN notification_receipt r ON r.smsc_message_id = id.v "
                     + "WHERE n.case_id = ?::uuid")) {
            ps.setString(1, caseId);
            receipts.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery(); ResultSet rr = receipts.executeQuery()) {
                rs.next();
                rr.next();
                return new Outcome(caseId, people.phones().size(), queued, queueSeconds, notifyAt, instant(rs, 1), instant(rs, 2),
                        instant(rr, 1), instant(rs, 3), statuses, ours, rs.getInt(4), instant(rs, 5));
            }
        }
    }

    /** What the SMSC got for one destination that did not get exactly one message, and what its row says. */
    private void explain(Outcome o, String destination) throws Exception {
        List<Instant> at = o.messages().stream().filter(m -> m.destination().equals(destination)).map(SmscMessage::receivedAt).sorted().toList();
        String pseudonym = Pseudonymiser.fromBase64(stack.secrets.getProperty("QRTRACE_PEPPER")).pseudonymOf(E164Phone.parse("+" + destination));
        try (Connection c = stack.database("tracing");
             PreparedStatement ps = c.prepareStatement("SELECT n.status, n.attempts, n.reference, n.smsc_message_ids::text AS ids, "
                     + "n.submitted_at, n.updated_at, coalesce(n.last_error, '') AS error FROM notification n "
                     + "JOIN case_contact k ON k.id = n.contact_id WHERE n.case_id = ?::uuid AND k.pseudonym = ?")) {
            ps.setString(1, o.caseId());
            ps.setString(2, pseudonym);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    note("  %s: %d message(s) at the SMSC %s; row %s, attempts %d, reference %d, ids %s, submitted %s, updated %s, last error '%s'",
                            destination, at.size(), at, rs.getString("status"), rs.getInt("attempts"), rs.getInt("reference"),
                            rs.getString("ids"), rs.getTimestamp("submitted_at"), rs.getTimestamp("updated_at"), rs.getString("error"));
                }
            }
        }
    }

    /** Prints the rows that are not final: status, attempts, parts known, receipts held for them, last error. */
    private void stuck(String caseId) throws Exception {
        try (Connection c = stack.database("tracing");
             PreparedStatement ps = c.prepareStatement("SELECT n.status, n.attempts, cardinality(n.smsc_message_ids) AS ids, "
                     + "(SELECT count(*) FROM notification_receipt r WHERE r.smsc_message_id = ANY (n.smsc_message_ids)) AS receipts, "
                     + "coalesce(n.last_error, '') AS error, count(*) AS n, min(n.updated_at) AS since FROM notification n "
                     + "WHERE n.case_id = ?::uuid AND n.status NOT IN ('DELIVERED', 'FAILED', 'EXPIRED') GROUP BY 1, 2, 3, 4, 5 ORDER BY 6 DESC")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    note("  not final: %,d rows %s, attempts %d, %d message ids known, %d receipts for them, since %s, last error '%s'",
                            rs.getInt("n"), rs.getString("status"), rs.getInt("attempts"), rs.getInt("ids"), rs.getInt("receipts"),
                            rs.getTimestamp("since").toInstant(), rs.getString("error"));
                }
            }
        }
    }

    /** Fails the run unless every contact has exactly one message at the SMSC and every row is final (DELIVERED when no failures are configured). */
    private void check(Outcome o, Population people, boolean verbose) {
        Map<String, Integer> perDestination = new HashMap<>();
        o.messages().forEach(m -> perDestination.merge(m.destination(), 1, Integer::sum));
        long missing = people.phones().stream().filter(p -> !perDestination.containsKey(p.substring(1))).count();
        long duplicated = perDestination.values().stream().filter(n -> n > 1).count();
        long extra = perDestination.values().stream().mapToLong(n -> n - 1).filter(n -> n > 0).sum();
        int finals = o.statuses().entrySet().stream().filter(e -> FINAL.contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
        boolean failuresConfigured = Double.parseDouble(System.getenv().getOrDefault("SMSC_FAILURE_RATE", "0")) > 0;
        int delivered = o.statuses().getOrDefault("DELIVERED", 0);
        String verdict = String.format("contacts %,d; messages at the SMSC %,d to %,d destinations: missing %d, duplicated %d "
                        + "(%d extra messages); rows final %,d of %,d (%s)", people.phones().size(), o.messages().size(),
                perDestination.size(), missing, duplicated, extra, finals, o.queued(), o.statuses());
        if (verbose) {
            note("verdict: %s", verdict);
        }
        List<String> odd = new ArrayList<>();
        people.phones().stream().map(p -> p.substring(1)).filter(d -> perDestination.getOrDefault(d, 0) != 1).limit(20).forEach(odd::add);
        for (String destination : odd) {
            try {
                explain(o, destination);
            } catch (Exception e) {
                note("  (could not explain %s: %s)", destination, e);
            }
        }
        if (missing > 0 || duplicated > 0 || finals != people.phones().size()
                || (!failuresConfigured && delivered != people.phones().size())) {
            if (!verbose) {
                note("FAILED: %s", verdict);
            }
            throw new IllegalStateException("notify run failed: " + verdict);
        }
    }

    /** Steady-state rate (the middle 80 % of the messages), overall rate and the busiest whole second. */
    record Rates(double steady, double overall, int bestSecond) {
    }

    static Rates rates(List<SmscMessage> messages) {
        List<Instant> t = messages.stream().map(SmscMessage::receivedAt).sorted().toList();
        if (t.size() < 10) {
            return new Rates(Double.NaN, Double.NaN, t.size());
        }
        int a = t.size() / 10;
        int b = t.size() - 1 - t.size() / 10;
        double steady = (b - a) / secs(t.get(a), t.get(b));
        double overall = (t.size() - 1) / secs(t.get(0), t.get(t.size() - 1));
        Map<Long, Integer> perSecond = new HashMap<>();
        t.forEach(i -> perSecond.merge(i.getEpochSecond(), 1, Integer::sum));
        int best = perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new Rates(steady, overall, best);
    }

    // ------------------------------------------------------------------------------------------------ reading

    record SmscRead(List<SmscMessage> messages, long offset) {
    }

    /** The messages the SMSC logged from byte {@code offset} of its log on (whole lines only), and where the next read starts. */
    SmscRead readSmsc(long offset) throws IOException {
        if (!Files.exists(smscLog)) {
            return new SmscRead(List.of(), 0);
        }
        List<SmscMessage> out = new ArrayList<>();
        try (RandomAccessFile f = new RandomAccessFile(smscLog.toFile(), "r")) {
            long size = f.length();
            if (size <= offset) {
                return new SmscRead(out, offset);
            }
            byte[] bytes = new byte[(int) (size - offset)];
            f.seek(offset);
            f.readFully(bytes);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--; // a line being written: read it next time
            }
            for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode m = stack.json.readTree(line);
                    out.add(new SmscMessage(m.path("destination").asText(), Instant.parse(m.path("receivedAt").asText()),
                            m.path("parts").asInt()));
                } catch (IOException | RuntimeException e) {
                    System.out.println("  skipping an unreadable line of the SMSC log: " + e);
                }
            }
            return new SmscRead(out, offset + end);
        }
    }

    Map<String, Integer> statuses(String caseId) throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        try (Connection c = stack.database("tracing");
             PreparedStatement ps = c.prepareStatement("SELECT status, count(*) FROM notification WHERE case_id = ?::uuid GROUP BY 1")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    private long visitsAt(String venueId) throws Exception {
        try (Connection c = stack.database("tracing");
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM visit WHERE venue_id = ?::uuid")) {
            ps.setString(1, venueId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void awaitVenue(String venueId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection c = stack.database("tracing");
                 PreparedStatement ps = c.prepareStatement("SELECT 1 FROM venue WHERE venue_id = ?::uuid")) {
                ps.setString(1, venueId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("tracing-service did not learn of venue " + venueId + " within 60 s");
            }
            Thread.sleep(200);
        }
    }

    private JsonNode post(String path, Object body, int expected) throws Exception {
        HttpResponse<String> r = stack.http.send(HttpRequest.newBuilder(URI.create(stack.url("TRACING") + path))
                        .header("Authorization", "Bearer " + stack.token("health-officer", null, PROVINCE))
                        .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(stack.json.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return stack.json.readTree(r.body());
    }

    private static Instant instant(ResultSet rs, int column) throws java.sql.SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static double secs(Instant from, Instant to) {
        return from == null || to == null ? Double.NaN : Duration.between(from, to).toNanos() / 1e9;
    }

    private void note(String format, Object... args) {
        String line = args.length == 0 ? format : String.format(format, args);
        System.out.println(line);
        log.append(line).append('\n');
    }
}
