package org.qrtrace.deploy.infra;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageState;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local SMSC against a real SMPP client (jsmpp's), as the system's SMS sender will use it: binds, submits in the
 * three shapes senders use (short_message, concatenated UCS-2 parts, message_payload), receipts, the HTTP view, the
 * throttle and the log read back after a restart.
 */
class SmscServerTest {

    private static final String SYSTEM_ID = "qrtrace";
    private static final String PASSWORD = "s3cret7x";
    private static final String SENDER = "BoYTe";
    private static final String PHONE = "84912345678";
    /** Vietnamese, 180 characters: three UCS-2 parts of at most 67 (8-bit reference) or 66 (16-bit) characters. */
    private static final String LONG_VIETNAMESE = "Bạn có thể đã tiếp xúc với người nhiễm COVID-19 tại Siêu thị "
            + "Hải Dương ngày 12/03 từ 09:00 đến 10:30. Hãy tự theo dõi sức khỏe 14 ngày và gọi 1900 9095 nếu có "
            + "sốt, ho, khó thở.";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void receivesTheThreeShapesOfMessageAndSendsTheirReceipts(@TempDir Path dir) throws Exception {
        SmscServer smsc = start(config(dir).withReceiptDelay(Duration.ofMillis(100)));
        Client client = bind(smsc, BindType.BIND_TRX, PASSWORD);

        String ascii = client.submit("Hello from QRTrace", (byte) 0, true);
        List<String> eightBit = client.submitConcatenated(LONG_VIETNAMESE, 0x2A, false);
        List<String> sixteenBit = client.submitConcatenated(LONG_VIETNAMESE, 0x1234, true);
        String payload = client.submitPayload(LONG_VIETNAMESE);

        List<SmscMessage> messages = smsc.messages();
        assertEquals(4, messages.size(), messages.toString());
        assertMessage(messages.get(0), ascii, List.of(ascii), "Hello from QRTrace", 0x00);
        assertMessage(messages.get(1), eightBit.get(0), eightBit, LONG_VIETNAMESE, 0x08);
        assertMessage(messages.get(2), sixteenBit.get(0), sixteenBit, LONG_VIETNAMESE, 0x08);
        assertMessage(messages.get(3), payload, List.of(payload), LONG_VIETNAMESE, 0x08);
        assertEquals(3, messages.get(1).parts());
        assertEquals(3, messages.get(2).parts());

        // One receipt per submit_sm (each part has its own), naming its message id, delivered.
        List<String> submitted = new ArrayList<>(List.of(ascii, payload));
        submitted.addAll(eightBit);
        submitted.addAll(sixteenBit);
        assertEquals(submitted.size(), submitted.stream().distinct().count(), "message ids are unique");
        await().atMost(WAIT).until(() -> client.receipts.keySet().containsAll(submitted));
        for (String id : submitted) {
            DeliverSm receipt = client.receipts.get(id);
            DeliveryReceipt text = receipt.getShortMessageAsDeliveryReceipt();
            assertEquals(id, text.getId());
            assertEquals("DELIVRD", text.getFinalStatus().name());
            assertEquals(1, text.getDelivered());
            assertEquals(MessageState.DELIVERED.value(), stateOf(receipt));
            assertEquals(PHONE, receipt.getSourceAddr(), "a receipt comes from the handset");
            assertEquals(SENDER, receipt.getDestAddress());
        }
        assertEquals("Hello from QRTrace", client.receipts.get(ascii).getShortMessageAsDeliveryReceipt().getText());

        // The same over HTTP, in the order received.
        JsonArray json = getMessages(smsc);
        assertEquals(4, json.size());
        JsonObject first = json.getJsonObject(0);
        assertEquals(ascii, first.getString("messageId"));
        assertEquals(PHONE, first.getString("destination"));
        assertEquals(SENDER, first.getString("source"));
        assertEquals(SYSTEM_ID, first.getString("systemId"));
        assertEquals("Hello from QRTrace", first.getString("text"));
        assertEquals(0, first.getInt("dataCoding"));
        assertEquals(1, first.getInt("parts"));
        assertEquals(messages.get(0).receivedAt().toString(), first.getString("receivedAt"));
        JsonObject concatenated = json.getJsonObject(1);
        assertEquals(LONG_VIETNAMESE, concatenated.getString("text"));
        assertEquals(3, concatenated.getInt("parts"));
        assertEquals(8, concatenated.getInt("dataCoding"));
        assertEquals(eightBit, concatenated.getJsonArray("messageIds").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());

        HttpResponse<String> cleared = http(smsc, "DELETE");
        assertEquals(204, cleared.statusCode());
        assertTrue(smsc.messages().isEmpty());
        assertEquals(0, getMessages(smsc).size());
        assertEquals(0, Files.size(dir.resolve("messages.jsonl")), "clearing empties the log file too");
        assertEquals(405, http(smsc, "POST").statusCode());
    }

    @Test
    void joinsPartsAnnouncedBySarParametersInAnyOrderAndRefusesBrokenUcs2(@TempDir Path dir) throws Exception {
        SmscServer smsc = start(config(dir));
        Client client = bind(smsc, BindType.BIND_TRX, PASSWORD);
        String second = client.submitSar("world, in Latin-1: café", 300, 2, 2);
        assertTrue(smsc.messages().isEmpty(), "held until every part has arrived");
        String first = client.submitSar("Hello ", 300, 2, 1);
        assertEquals(1, smsc.messages().size());
        assertMessage(smsc.messages().get(0), first, List.of(first, second), "Hello world, in Latin-1: café", 0x00);

        NegativeResponseException odd = assertThrows(NegativeResponseException.class,
                () -> client.submitRaw(new ESMClass(), (byte) 0x08, new byte[] {0, 0x41, 0}, false));
        assertEquals(SMPPConstant.STAT_ESME_RINVMSGLEN, odd.getCommandStatus());
        assertEquals(1, smsc.messages().size());
    }

    @Test
    void sendsAReceiptOnlyWhenAskedAndOnlyToTheSameSystemId(@TempDir Path dir) throws Exception {
        SmscServer smsc = start(config(dir).withReceiptDelay(Duration.ofMillis(100)));
        Client transmitter = bind(smsc, BindType.BIND_TX, PASSWORD);
        Client receiver = bind(smsc, BindType.BIND_RX, PASSWORD);

        String silent = transmitter.submit("no receipt wanted", (byte) 0, false);
        String asked = transmitter.submit("receipt wanted", (byte) 0, true);

        // Receipts go out in submit order after the same delay: when the second has arrived, the first would have.
        await().atMost(WAIT).until(() -> receiver.receipts.containsKey(asked));
        assertFalse(receiver.receipts.containsKey(silent));
        assertTrue(transmitter.receipts.isEmpty(), "a transmitter cannot take a deliver_sm");
        assertEquals(2, smsc.messages().size());
    }

    @Test
    void echoesTheSubmittersOwnReferenceInTheReceipt(@TempDir Path dir) throws Exception {
        SmscServer smsc = start(config(dir).withReceiptDelay(Duration.ofMillis(50)));
        Client client = bind(smsc, BindType.BIND_TRX, PASSWORD);

        String referenced = client.session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                SENDER, TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, PHONE, new ESMClass(), (byte) 0, (byte) 1,
                null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, DataCodings.ZERO,
                (byte) 0, "with a reference".getBytes(StandardCharsets.ISO_8859_1),
                new OptionalParameter.User_message_reference((short) 54321)).getMessageId();
        String plain = client.submit("without one", (byte) 0, true);

        await().atMost(WAIT).until(() -> client.receipts.containsKey(referenced) && client.receipts.containsKey(plain));
        OptionalParameter echoed = client.receipts.get(referenced).getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE);
        assertEquals((short) 54321, ((OptionalParameter.Short) echoed).getValue());
        assertNull(client.receipts.get(plain).getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE));
    }

    @Test
    void failsTheConfiguredShareOfMessagesTheSameWayForTheSameSeed(@TempDir Path dir) throws Exception {
        List<String> first = outcomes(dir.resolve("a"), 0.5, 42);
        List<String> again = outcomes(dir.resolve("b"), 0.5, 42);
        List<String> otherSeed = outcomes(dir.resolve("c"), 0.5, 7);
        assertEquals(first, again, "same seed, same outcomes");
        assertNotEquals(first, otherSeed);
        assertTrue(first.contains("DELIVRD"), first.toString());
        assertTrue(first.stream().anyMatch(s -> s.equals("UNDELIV") || s.equals("EXPIRED")), first.toString());
        assertTrue(first.stream().allMatch(s -> List.of("DELIVRD", "UNDELIV", "EXPIRED").contains(s)), first.toString());
        assertEquals(List.of("DELIVRD"), outcomes(dir.resolve("d"), 0, 42).stream().distinct().toList());
    }

    /** The final status of 20 receipted messages, in submit order; the message_state parameter agrees with each. */
    private List<String> outcomes(Path dir, double failureRate, long seed) throws Exception {
        try (SmscServer smsc = SmscServer.start(config(dir).withReceiptDelay(Duration.ZERO).withFailures(failureRate, seed));
             Client client = Client.bind(smsc.port(), BindType.BIND_TRX, SYSTEM_ID, PASSWORD)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(client.submit("message " + i, (byte) 0, true));
            }
            await().atMost(WAIT).until(() -> client.receipts.keySet().containsAll(ids));
            List<String> states = new ArrayList<>();
            for (String id : ids) {
                DeliverSm receipt = client.receipts.get(id);
                String stat = receipt.getShortMessageAsDeliveryReceipt().getFinalStatus().name();
                byte expected = switch (stat) {
                    case "DELIVRD" -> MessageState.DELIVERED.value();
                    case "UNDELIV" -> MessageState.UNDELIVERABLE.value();
                    default -> MessageState.EXPIRED.value();
                };
                assertEquals(expected, stateOf(receipt), stat);
                states.add(stat);
            }
            return states;
        }
    }

    @Test
    void refusesAWrongPasswordOrSystemIdWithTheBindStatus(@TempDir Path dir) throws Exception {
        SmscServer smsc = start(config(dir));
        IOException wrongPassword = assertThrows(IOException.class,
                () -> Client.bind(smsc.port(), BindType.BIND_TRX, SYSTEM_ID, "guessed"));
        assertEquals(SMPPConstant.STAT_ESME_RINVPASWD, statusOf(wrongPassword));
        IOException wrongSystem = assertThrows(IOException.class,
                () -> Client.bind(smsc.port(), BindType.BIND_TX, "other", PASSWORD));
        assertEquals(SMPPConstant.STAT_ESME_RINVSYSID, statusOf(wrongSystem));
        bind(smsc, BindType.BIND_TRX, PASSWORD).submit("still open to the right password", (byte) 0, false);
        assertEquals(1, smsc.messages().size());
    }

    @Test
    void answersThrottledBeyondTheConfiguredRate(@TempDir Path dir) throws Exception {
        SmscServer smsc = start(config(dir).withMaxSubmitsPerSecond(3));
        Client client = bind(smsc, BindType.BIND_TRX, PASSWORD);
        int accepted = 0;
        NegativeResponseException throttled = null;
        long startedNanos = System.nanoTime();
        for (int i = 0; i < 200 && throttled == null; i++) {
            try {
                client.submit("burst " + i, (byte) 0, false);
                accepted++;
            } catch (NegativeResponseException e) {
                throttled = e;
            }
        }
        long elapsedSeconds = (System.nanoTime() - startedNanos) / 1_000_000_000L;
        assertTrue(throttled != null, "a burst of 200 at 3/s was never throttled");
        assertEquals(SMPPConstant.STAT_ESME_RTHROTTLED, throttled.getCommandStatus());
        assertTrue(accepted >= 3 && accepted <= 3 * (elapsedSeconds + 1), accepted + " accepted in ~" + elapsedSeconds + " s");
        assertEquals(accepted, smsc.messages().size(), "a throttled submit is not recorded");
        // The window moves on: a later submit is accepted again.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).ignoreException(NegativeResponseException.class)
                .until(() -> client.submit("after the burst", (byte) 0, false) != null);
    }

    @Test
    void keepsWhatItReceivedAcrossARestart(@TempDir Path dir) throws Exception {
        SmscServer.Config config = config(dir);
        String before;
        try (SmscServer smsc = SmscServer.start(config);
             Client client = Client.bind(smsc.port(), BindType.BIND_TRX, SYSTEM_ID, PASSWORD)) {
            before = client.submit("before the restart", (byte) 0, false);
            client.submitConcatenated(LONG_VIETNAMESE, 7, false);
        }
        // What a process killed in the middle of a write leaves behind: a partial line, never acknowledged.
        Files.writeString(dir.resolve("messages.jsonl"), "{\"messageId\":\"dead", StandardOpenOption.APPEND);

        SmscServer restarted = start(config);
        assertEquals(List.of(before), restarted.messages().stream().limit(1).map(SmscMessage::messageId).toList());
        assertEquals(2, restarted.messages().size());
        assertEquals(LONG_VIETNAMESE, restarted.messages().get(1).text());
        assertEquals(3, restarted.messages().get(1).parts());
        bind(restarted, BindType.BIND_TRX, PASSWORD).submit("after the restart", (byte) 0, false);
        assertEquals(List.of("before the restart", LONG_VIETNAMESE, "after the restart"),
                restarted.messages().stream().map(SmscMessage::text).toList());
        assertEquals(3, getMessages(restarted).size());
        restarted.close();
        try (SmscServer third = SmscServer.start(config)) {
            assertEquals(3, third.messages().size(), "the line after the partial one is read too");
        }
    }

    @Test
    void sendsTheReceiptsItOwedAfterARestartAndNotTheOnesTaken(@TempDir Path dir) throws Exception {
        SmscServer.Config config = config(dir).withReceiptDelay(Duration.ofMillis(50));
        String taken;
        String owed;
        List<String> owedParts;
        try (SmscServer smsc = SmscServer.start(config)) {
            try (Client receiver = Client.bind(smsc.port(), BindType.BIND_TRX, SYSTEM_ID, PASSWORD)) {
                taken = receiver.submit("receipted before the restart", (byte) 0, true);
                await().atMost(WAIT).until(() -> receiver.receipts.containsKey(taken));
            }
            // A transmitter cannot take receipts: these are owed when the SMSC stops (as when it is killed: the
            // journal is written before each submit_sm_resp, and marked only when a receipt is taken).
            try (Client transmitter = Client.bind(smsc.port(), BindType.BIND_TX, SYSTEM_ID, PASSWORD)) {
                owed = transmitter.session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                        SENDER, TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, PHONE, new ESMClass(), (byte) 0,
                        (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                        DataCodings.ZERO, (byte) 0, "owed a receipt".getBytes(StandardCharsets.ISO_8859_1),
                        new OptionalParameter.User_message_reference((short) 54321)).getMessageId();
                owedParts = transmitter.submitConcatenated(LONG_VIETNAMESE, 9, false);
                // Past the delay the receipts are tried and, with no receiver bound, stay owed: none reaches a transmitter.
                await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> transmitter.receipts.isEmpty());
            }
        }
        assertTrue(Files.exists(dir.resolve(SmscServer.RECEIPT_JOURNAL)));

        SmscServer restarted = start(config);
        Client client = bind(restarted, BindType.BIND_TRX, PASSWORD);
        List<String> expected = new ArrayList<>(owedParts);
        expected.add(owed);
        await().atMost(WAIT).until(() -> client.receipts.keySet().containsAll(expected));
        OptionalParameter echoed = client.receipts.get(owed).getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE);
        assertEquals((short) 54321, ((OptionalParameter.Short) echoed).getValue(), "the reference survives the restart");
        assertEquals(PHONE, client.receipts.get(owed).getSourceAddr());
        assertEquals("DELIVRD", client.receipts.get(owed).getShortMessageAsDeliveryReceipt().getFinalStatus().name());
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> !client.receipts.containsKey(taken));
        assertFalse(client.receipts.containsKey(taken), "a receipt taken before the restart is not sent again");
        assertEquals(4, client.receipts.size(), client.receipts.keySet().toString());
        restarted.close();
        try (SmscServer third = SmscServer.start(config);
             Client again = Client.bind(third.port(), BindType.BIND_TRX, SYSTEM_ID, PASSWORD)) {
            await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> again.receipts.isEmpty());
            assertTrue(again.receipts.isEmpty(), "nothing owed any more: " + again.receipts.keySet());
        }
    }

    @Test
    void servesALargeLogWithoutHoldingItInMemory(@TempDir Path dir) throws Exception {
        // What a few benchmark runs leave: tens of thousands of 4-part Vietnamese messages.
        StringBuilder lines = new StringBuilder();
        int count = 20_000;
        for (int i = 0; i < count; i++) {
            String id = String.format("%016x", i);
            lines.append(SmscJson.line(new SmscMessage(id, List.of(id), SYSTEM_ID, SENDER, String.format("8490%07d", i),
                    LONG_VIETNAMESE, 8, 1, java.time.Instant.parse("2026-12-04T10:00:00Z").plusMillis(i)).toJson())).append('\n');
        }
        Files.writeString(dir.resolve("messages.jsonl"), lines.toString());
        SmscServer smsc = start(config(dir));
        assertEquals(count, smsc.messageCount());
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + smsc.httpPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"messages\":" + count), health.body());
        JsonArray all = getMessages(smsc);
        assertEquals(count, all.size());
        assertEquals("84900019999", all.getJsonObject(count - 1).getString("destination"));
        bind(smsc, BindType.BIND_TRX, PASSWORD).submit("one more", (byte) 0, false);
        assertEquals(count + 1, smsc.messages().size());
        assertEquals("one more", smsc.messages().get(count).text());
    }

    private static void assertMessage(SmscMessage m, String id, List<String> ids, String text, int dataCoding) {
        assertEquals(id, m.messageId());
        assertEquals(ids, m.messageIds());
        assertEquals(text, m.text());
        assertEquals(PHONE, m.destination());
        assertEquals(SENDER, m.source());
        assertEquals(SYSTEM_ID, m.systemId());
        assertEquals(dataCoding, m.dataCoding());
        assertEquals(ids.size(), m.parts());
    }

    private static SmscServer.Config config(Path dir) {
        return SmscServer.Config.of(SYSTEM_ID, PASSWORD).withMessageLog(dir.resolve("messages.jsonl"));
    }

    private SmscServer start(SmscServer.Config config) throws IOException {
        SmscServer smsc = SmscServer.start(config);
        toClose.add(smsc);
        return smsc;
    }

    private Client bind(SmscServer smsc, BindType type, String password) throws IOException {
        Client client = Client.bind(smsc.port(), type, SYSTEM_ID, password);
        toClose.add(client);
        return client;
    }

    private static byte stateOf(DeliverSm receipt) {
        OptionalParameter state = receipt.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE);
        return ((OptionalParameter.Byte) state).getValue();
    }

    private static int statusOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NegativeResponseException negative) {
                return negative.getCommandStatus();
            }
        }
        throw new AssertionError("no negative response in " + e, e);
    }

    private static JsonArray getMessages(SmscServer smsc) throws Exception {
        HttpResponse<String> response = http(smsc, "GET");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    private static HttpResponse<String> http(SmscServer smsc, String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + smsc.httpPort() + "/messages"))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** An ESME, as the SMS sender will be: jsmpp's client, collecting the receipts delivered to it. */
    private static final class Client implements AutoCloseable {
        final SMPPSession session = new SMPPSession();
        final Map<String, DeliverSm> receipts = new ConcurrentHashMap<>();

        static Client bind(int port, BindType type, String systemId, String password) throws IOException {
            Client client = new Client();
            client.session.setTransactionTimer(10_000);
            client.session.setMessageReceiverListener(new MessageReceiverListener() {
                @Override
                public void onAcceptDeliverSm(DeliverSm deliverSm) {
                    OptionalParameter id = deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
                    if (deliverSm.isSmscDeliveryReceipt() && id instanceof OptionalParameter.COctetString c) {
                        client.receipts.put(c.getValueAsString(), deliverSm);
                    }
                }

                @Override
                public void onAcceptAlertNotification(AlertNotification alertNotification) {
                }

                @Override
                public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
                    return null;
                }
            });
            try {
                client.session.connectAndBind("127.0.0.1", port, new BindParameter(type, systemId, password, "",
                        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
            } catch (IOException e) {
                client.session.close();
                throw e;
            }
            return client;
        }

        String submit(String text, byte dataCoding, boolean receipt) throws Exception {
            byte[] data = text.getBytes(dataCoding == 0x08 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
            return submitRaw(new ESMClass(), dataCoding, data, receipt);
        }

        /** UCS-2 in parts with a concatenation header: 8-bit reference (67 characters a part) or 16-bit (66). */
        List<String> submitConcatenated(String text, int reference, boolean sixteenBitReference) throws Exception {
            int perPart = sixteenBitReference ? 66 : 67;
            int total = (text.length() + perPart - 1) / perPart;
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                byte[] chunk = text.substring(i * perPart, Math.min(text.length(), (i + 1) * perPart))
                        .getBytes(StandardCharsets.UTF_16BE);
                byte[] header = sixteenBitReference
                        ? new byte[] {6, 0x08, 4, (byte) (reference >> 8), (byte) reference, (byte) total, (byte) (i + 1)}
                        : new byte[] {5, 0x00, 3, (byte) reference, (byte) total, (byte) (i + 1)};
                byte[] data = new byte[header.length + chunk.length];
                System.arraycopy(header, 0, data, 0, header.length);
                System.arraycopy(chunk, 0, data, header.length, chunk.length);
                assertTrue(data.length <= 140, "a part fits one SMS");
                ids.add(submitRaw(new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI),
                        (byte) 0x08, data, true));
            }
            return ids;
        }

        /** The whole text in the message_payload parameter, short_message empty. */
        String submitPayload(String text) throws Exception {
            return session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, SENDER,
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, PHONE, new ESMClass(), (byte) 0, (byte) 1,
                    null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    DataCodings.newInstance((byte) 0x08), (byte) 0, new byte[0],
                    new OptionalParameter.Message_payload(text.getBytes(StandardCharsets.UTF_16BE))).getMessageId();
        }

        /** One part announced by the sar_* parameters instead of a user data header. */
        String submitSar(String text, int reference, int total, int sequence) throws Exception {
            return session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, SENDER,
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, PHONE, new ESMClass(), (byte) 0, (byte) 1,
                    null, null, new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0, DataCodings.ZERO, (byte) 0,
                    text.getBytes(StandardCharsets.ISO_8859_1), OptionalParameters.newSarMsgRefNum(reference),
                    OptionalParameters.newSarTotalSegments(total), OptionalParameters.newSarSegmentSeqnum(sequence))
                    .getMessageId();
        }

        String submitRaw(ESMClass esmClass, byte dataCoding, byte[] data, boolean receipt) throws Exception {
            return session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, SENDER,
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, PHONE, esmClass, (byte) 0, (byte) 1,
                    null, null, new RegisteredDelivery(receipt ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT),
                    (byte) 0, DataCodings.newInstance(dataCoding), (byte) 0, data).getMessageId();
        }

        @Override
        public void close() {
            session.unbindAndClose();
        }
    }
}
