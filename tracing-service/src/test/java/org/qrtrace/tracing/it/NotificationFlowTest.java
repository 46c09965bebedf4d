package org.qrtrace.tracing.it;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.qrtrace.common.crypto.ContactSeal;
import org.qrtrace.common.crypto.SealedContact;
import org.qrtrace.deploy.infra.SmscMessage;
import org.qrtrace.events.ContactNotified;
import org.qrtrace.deploy.infra.SmscServer;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestTokens;
import org.qrtrace.tracing.messaging.SmppGateway;
import org.qrtrace.tracing.domain.Ucs2Segments;
import org.qrtrace.tracing.service.NotificationTexts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SMS to a case's contacts, end to end: exposure query under the case's reference, notify, the sender over SMPP to a
 * real {@link SmscServer} in process, delivery receipts back. Data in Trà Vinh (84), districts 849 and 850 (no other
 * test writes there), two whole UTC days back. The methods run in order: the later ones stop and restart the SMSC.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "tracing"))
@QuarkusTestResource(SmscTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationFlowTest {

    static final String INDEX_PHONE = "+84987000849";
    static final String OFFICER_84 = TestTokens.healthOfficer("84");
    static final String OFFICER_849 = TestTokens.healthOfficer("849");
    static final String OFFICER_20 = TestTokens.healthOfficer("20");
    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

    static final UUID A = UUID.randomUUID();   // district 849
    static final UUID B = UUID.randomUUID();   // district 850
    static final Instant DAY = LocalDate.now(ZoneOffset.UTC).minusDays(2).atTime(3, 0).toInstant(ZoneOffset.UTC);
    static final String C1 = Events.randomPseudonym();
    static final String C2 = Events.randomPseudonym();
    static final String C3 = Events.randomPseudonym();   // sealed for another key: unreachable
    static final String C4 = Events.randomPseudonym();   // at B only: outside district 849
    static final String PHONE_1 = "84911000001";
    static final String PHONE_2 = "84911000002";
    static final String PHONE_4 = "84911000004";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SmppGateway gateway;

    @Inject
    NotificationTexts texts;

    static SmscServer smsc;
    static Path messageLog;
    static boolean produced;

    static Instant at(int minutes) {
        return DAY.plus(Duration.ofMinutes(minutes));
    }

    @BeforeEach
    void produceOnce() throws IOException {
        if (smsc == null) {
            messageLog = Files.createTempFile("smsc-messages", ".jsonl");
            startSmsc(0);
        }
        if (produced) {
            return;
        }
        try (Events events = new Events()) {
            String index = events.pseudonymOf(INDEX_PHONE);
            String elsewhere = new SealedContact("+84911000003", "Ba").sealFor(ContactSeal.generateKeyPair().getPublic());
            events.send(events.venue(A, "Chợ Trà Cú", "849", DAY.minus(Duration.ofDays(1))),
                    events.venue(B, "Quán Duyên Hải", "850", DAY.minus(Duration.ofDays(1))));
            events.send(
                    Events.checkIn(UUID.randomUUID(), A, index, events.seal(INDEX_PHONE, "Ca"), at(0), at(60), List.of()),
                    Events.checkIn(UUID.randomUUID(), B, index, events.seal(INDEX_PHONE, "Ca"), at(120), at(180), List.of()),
                    Events.checkIn(UUID.randomUUID(), A, C1, events.seal("+" + PHONE_1, "Một"), at(0), at(60), List.of()),
                    Events.checkIn(UUID.randomUUID(), A, C2, events.seal("+" + PHONE_2, "Hai"), at(10), at(50), List.of()),
                    Events.checkIn(UUID.randomUUID(), A, C3, elsewhere, at(0), at(60), List.of()),
                    Events.checkIn(UUID.randomUUID(), B, C4, events.seal("+" + PHONE_4, "Bốn"), at(120), at(180), List.of()));
        }
        produced = true;
    }

    @AfterAll
    static void stopSmsc() throws IOException {
        if (smsc != null) {
            smsc.close();
        }
    }

    static void startSmsc(double failureRate) throws IOException {
        int port = ConfigProvider.getConfig().getValue("qrtrace.tracing.smpp.port", Integer.class);
        smsc = SmscServer.start(SmscServer.Config.of(SmscTestResource.SYSTEM_ID,
                        TestTokens.secrets().get("QRTRACE_SMPP_PASSWORD")).withPorts(port, 0).withMessageLog(messageLog)
                .withReceiptDelay(Duration.ofMillis(200)).withFailures(failureRate, 7));
    }

    /** A case in district 849 with the four contacts of the query run under its reference by the province's officer. */
    static String caseWithContacts() {
        String reference = "TC-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth().oauth2(OFFICER_84).contentType(ContentType.JSON)
                .body(Map.of("caseReference", reference, "phone", INDEX_PHONE, "confirmedAt", at(-60).toString(),
                        "adminUnitCode", "849"))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertEquals(4, given().auth().oauth2(OFFICER_84).contentType(ContentType.JSON)
                        .body(Map.of("caseReference", reference, "phone", INDEX_PHONE, "from", at(-60).toString(),
                                "to", at(600).toString()))
                        .when().post("/api/v1/exposure-queries").then().statusCode(200).extract().jsonPath()
                        .getList("contacts").size()));
        return id;
    }

    static JsonPath notify(String token, String caseId, Object body, int status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + caseId + "/notifications").then().statusCode(status).extract().jsonPath();
    }

    static Map<String, Object> notificationOf(String caseId, String pseudonym) {
        JsonPath json = given().auth().oauth2(OFFICER_849).when().get("/api/v1/cases/" + caseId + "/contacts")
                .then().statusCode(200).extract().jsonPath();
        return json.getMap("find { it.pseudonym == '" + pseudonym + "' }.notification");
    }

    static String statusOf(String caseId, String pseudonym) {
        Map<String, Object> n = notificationOf(caseId, pseudonym);
        return n == null ? null : (String) n.get("status");
    }

    static List<SmscMessage> to(String destination) {
        return smsc.messages().stream().filter(m -> m.destination().equals(destination)).toList();
    }

    static String local(Instant instant) {
        return DateTimeFormatter.ofPattern("dd/MM HH:mm").withZone(HCM).format(instant);
    }

    /** The case-work figures of a unit summed over the local days from {@code from} to {@code to} (one or two). */
    static List<Integer> caseWork(String unit, LocalDate from, LocalDate to) {
        int[] sum = new int[6];
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            JsonPath r = given().auth().oauth2(TestTokens.admin()).when()
                    .get("/api/v1/reports/daily?date=" + d + "&adminUnitCode=" + unit).then().statusCode(200)
                    .extract().jsonPath();
            Map<String, Object> row = r.getMap("rows.find { it.adminUnitCode == '" + unit + "' }");
            List<String> names = List.of("cases", "contactsIdentified", "notified", "delivered", "reached", "testedPositive");
            for (int i = 0; i < names.size(); i++) {
                sum[i] += (Integer) row.get(names.get(i));
            }
        }
        return java.util.Arrays.stream(sum).boxed().toList();
    }

    static List<Integer> minus(List<Integer> after, List<Integer> before) {
        return java.util.stream.IntStream.range(0, after.size()).mapToObj(i -> after.get(i) - before.get(i)).toList();
    }

    @Test
    @Order(0)
    void theDailyReportCountsTheCaseItsContactsMessagesAndFollowUpInTheCasesUnit() {
        // The work happens "today" in Vietnam, which may turn into tomorrow during the test: sum both days then.
        LocalDate today = LocalDate.now(HCM);
        LocalDate confirmedDay = LocalDate.ofInstant(at(-60), HCM);
        List<Integer> districtBefore = caseWork("849", today, today.plusDays(1));
        List<Integer> provinceBefore = caseWork("84", today, today.plusDays(1));
        int casesBefore = caseWork("849", confirmedDay, confirmedDay).get(0);

        String caseId = caseWithContacts();
        assertEquals(2, notify(OFFICER_849, caseId, Map.of("tiers", List.of("F1")), 202).getInt("queued"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals("DELIVERED", statusOf(caseId, C1));
            assertEquals("DELIVERED", statusOf(caseId, C2));
        });
        JsonPath contacts = given().auth().oauth2(OFFICER_849).when().get("/api/v1/cases/" + caseId + "/contacts")
                .then().statusCode(200).extract().jsonPath();
        for (Map.Entry<String, String> e : Map.of(C1, "REACHED", C2, "TESTED_POSITIVE").entrySet()) {
            given().auth().oauth2(OFFICER_849).contentType(ContentType.JSON).body(Map.of("status", e.getValue()))
                    .when().patch("/api/v1/cases/" + caseId + "/contacts/"
                            + contacts.getString("find { it.pseudonym == '" + e.getKey() + "' }.contactId"))
                    .then().statusCode(200);
        }
        LocalDate end = LocalDate.now(HCM);
        List<Integer> expected = List.of(0, 4, 2, 2, 2, 1);   // 4 contacts found, 2 messaged and delivered, 2 reached, 1 positive
        assertEquals(expected, minus(caseWork("849", today, end.plusDays(1)), districtBefore),
                "cases, contactsIdentified, notified, delivered, reached, testedPositive in the case's district");
        assertEquals(expected, minus(caseWork("84", today, end.plusDays(1)), provinceBefore), "rolled up to the province");
        assertEquals(casesBefore + 1, caseWork("849", confirmedDay, confirmedDay).get(0), "the case counts on its confirmation day");
    }

    @Test
    @Order(1)
    void notifiesEachF1ContactOnceInVietnameseAndReceiptsDeliverThem() {
        smsc.clearMessages();
        String caseId = caseWithContacts();
        assertEquals(2, notify(OFFICER_849, caseId, Map.of("tiers", List.of("F1")), 202).getInt("queued"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(1, to(PHONE_1).size());
            assertEquals(1, to(PHONE_2).size());
        });
        for (String phone : List.of(PHONE_1, PHONE_2)) {
            SmscMessage m = to(phone).get(0);
            assertEquals(8, m.dataCoding(), "UCS-2");
            assertTrue(m.parts() >= 2, "a long Vietnamese text goes in concatenated parts");
            assertEquals("BoYTe", m.source());
            assertTrue(m.text().startsWith("[Bộ Y tế] Bạn đã ở Chợ Trà Cú từ " + local(at(phone.equals(PHONE_1) ? 0 : 10))),
                    m.text());
            assertTrue(m.text().contains("Đường dây nóng: 1900 9095"), m.text());
            assertTrue(m.text().contains("Hãy tự theo dõi sức khỏe 14 ngày"), m.text());
        }
        assertEquals(0, to(PHONE_4).size(), "a contact exposed outside the officer's district is not messaged");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals("DELIVERED", statusOf(caseId, C1));
            assertEquals("DELIVERED", statusOf(caseId, C2));
        });
        assertNull(notificationOf(caseId, C3));
        assertNull(notificationOf(caseId, C4));

        // Other systems are told on tracing.events: SUBMITTED then DELIVERED for each message, naming no one.
        try (TracingTopic topic = new TracingTopic()) {
            List<TracingTopic.Received> told = topic.awaitEvents(e -> e.payload() instanceof ContactNotified c
                    && c.caseId().toString().equals(caseId), 4);
            assertEquals(Set.of("SUBMITTED", "DELIVERED"), told.stream()
                    .map(r -> ((ContactNotified) r.event().payload()).status().name()).collect(java.util.stream.Collectors.toSet()));
            assertEquals(2, told.stream().map(r -> ((ContactNotified) r.event().payload()).notificationId()).distinct().count());
            for (TracingTopic.Received r : told) {
                ContactNotified c = (ContactNotified) r.event().payload();
                assertEquals(A, c.venueId());
                assertEquals("849", c.adminUnitCode());
                assertEquals(ContactNotified.Tier.F1, c.tier());
                for (String personal : List.of(C1, C2, PHONE_1, PHONE_2, "911000001", "911000002")) {
                    assertTrue(!r.json().contains(personal), "no phone or pseudonym in " + r.json());
                }
            }
        }

        JsonPath again = notify(OFFICER_849, caseId, Map.of("tiers", List.of("F1", "F2"), "language", "vi"), 202);
        assertEquals(0, again.getInt("queued"));
        assertEquals(2, again.getInt("alreadyNotified"));
        assertEquals(1, again.getInt("unreachable"));
        assertEquals(1, again.getInt("outsideJurisdiction"));
        assertEquals(1, to(PHONE_1).size());
        assertEquals(1, to(PHONE_2).size());

        List<Map<String, Object>> rows = given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/audit?limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("rows");
        assertEquals(2, rows.stream().filter(r -> "CASE_CONTACTS_NOTIFY".equals(r.get("action"))
                && String.valueOf(r.get("parameters")).contains(caseId)).count(), "each call audited");
        assertTrue(rows.stream().noneMatch(r -> String.valueOf(r).contains("911000001")), "no phone in the audit log");
    }

    static JsonPath preview(String token, String caseId, String query, int status) {
        return given().auth().oauth2(token).when().get("/api/v1/cases/" + caseId + "/notifications/preview" + query)
                .then().statusCode(status).extract().jsonPath();
    }

    /** The console shows this before an officer sends: the sender's own text, rendered, sending nothing. */
    @Test
    @Order(1)
    void aPreviewIsTheTextTheSenderWouldSendAndSendsNothing() {
        String caseId = caseWithContacts();
        JsonPath vi = preview(OFFICER_849, caseId, "", 200);
        assertEquals("vi", vi.getString("language"));
        assertEquals(List.of("F1"), vi.getList("tiers"));
        assertEquals(3, vi.getInt("contacts"), "C1, C2 and unreachable C3 inside district 849; C4 outside");
        String text = vi.getString("example");
        assertTrue(text.startsWith("[Bộ Y tế] Bạn đã ở Chợ Trà Cú từ "), text);
        assertTrue(text.contains("Đường dây nóng: 1900 9095"), text);
        assertEquals(Ucs2Segments.split(text, 0).size(), vi.getInt("parts"));
        assertTrue(vi.getInt("parts") >= 2, "a long Vietnamese text goes in concatenated parts");
        for (String personal : List.of(C1, C2, C3, PHONE_1, PHONE_2, "911000001")) {
            assertFalse(vi.prettify().contains(personal), "no phone or pseudonym in the preview");
        }
        JsonPath en = preview(OFFICER_849, caseId, "?language=en&tiers=F1&tiers=F2", 200);
        assertEquals(List.of("F1", "F2"), en.getList("tiers"));
        assertTrue(en.getString("example").startsWith("[Ministry of Health] You were at Chợ Trà Cú from "),
                en.getString("example"));
        assertEquals(4, preview(OFFICER_84, caseId, "", 200).getInt("contacts"), "the province covers C4's venue");
        JsonPath none = preview(OFFICER_849, caseId, "?tiers=F2", 200);
        assertEquals(0, none.getInt("contacts"));
        assertNull(none.get("example"));
        assertTrue(preview(OFFICER_849, caseId, "?tiers=F3", 400).getString("detail").contains("tiers"));
        assertTrue(preview(OFFICER_849, caseId, "?language=fr", 400).getString("detail").contains("language"));
        preview(OFFICER_20, caseId, "", 403);
        assertNull(notificationOf(caseId, C1), "a preview queues nothing");
    }

    @Test
    @Order(2)
    void theFirstAnswerCountsQueuedUnreachableAndOutside() {
        String caseId = caseWithContacts();
        JsonPath first = notify(OFFICER_849, caseId, Map.of("tiers", List.of("F1")), 202);
        assertEquals(2, first.getInt("queued"));
        assertEquals(0, first.getInt("alreadyNotified"));
        assertEquals(1, first.getInt("unreachable"));
        assertEquals(1, first.getInt("outsideJurisdiction"));
        // The province's officer covers district 850 too: the fourth contact is theirs to message.
        JsonPath province = notify(OFFICER_84, caseId, Map.of("tiers", List.of("F1")), 202);
        assertEquals(1, province.getInt("queued"));
        assertEquals(2, province.getInt("alreadyNotified"));
        assertEquals(0, province.getInt("outsideJurisdiction"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals("DELIVERED", statusOf(caseId, C1));
            assertEquals("DELIVERED", statusOf(caseId, C2));
            assertEquals("DELIVERED", statusOf(caseId, C4));
        });
        assertTrue(to(PHONE_4).get(0).text().contains("Quán Duyên Hải"));
    }

    @Test
    @Order(3)
    void refusals() {
        String caseId = caseWithContacts();
        notify(OFFICER_20, caseId, Map.of("tiers", List.of("F1")), 403);
        notify(TestTokens.admin(), caseId, Map.of("tiers", List.of("F1")), 403);
        given().contentType(ContentType.JSON).body(Map.of("tiers", List.of("F1")))
                .when().post("/api/v1/cases/" + caseId + "/notifications").then().statusCode(401);
        notify(OFFICER_84, UUID.randomUUID().toString(), Map.of("tiers", List.of("F1")), 404);
        given().auth().oauth2(OFFICER_84).contentType(ContentType.JSON).body(Map.of("tiers", List.of("F3")))
                .when().post("/api/v1/cases/" + caseId + "/notifications").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("tiers"));
        given().auth().oauth2(OFFICER_84).contentType(ContentType.JSON).body(Map.of("language", "vi"))
                .when().post("/api/v1/cases/" + caseId + "/notifications").then().statusCode(400)
                .body("errors[0].field", equalTo("tiers"));
        given().auth().oauth2(OFFICER_84).contentType(ContentType.JSON).body(Map.of("tiers", List.of("F1"), "language", "fr"))
                .when().post("/api/v1/cases/" + caseId + "/notifications").then().statusCode(400)
                .body("errors[0].field", equalTo("language"));
        assertNull(notificationOf(caseId, C1), "nothing queued by a refused call");
    }

    @Test
    @Order(4)
    void whileTheSmscIsDownMessagesWaitThenGoInEnglish() throws IOException {
        smsc.clearMessages();
        smsc.close();
        String caseId = caseWithContacts();
        assertEquals(2, notify(OFFICER_849, caseId, Map.of("tiers", List.of("F1"), "language", "en"), 202).getInt("queued"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                "QUEUED".equals(statusOf(caseId, C1)) && "QUEUED".equals(statusOf(caseId, C2)));
        startSmsc(0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals("DELIVERED", statusOf(caseId, C1));
            assertEquals("DELIVERED", statusOf(caseId, C2));
        });
        assertEquals(1, to(PHONE_1).size());
        assertEquals(1, to(PHONE_2).size());
        assertTrue(to(PHONE_1).get(0).text().startsWith("[Ministry of Health] You were at Chợ Trà Cú from " + local(at(0))),
                to(PHONE_1).get(0).text());
    }

    /** Marks C1's message of the case SENDING, {@code ago} ago, as a sender that stopped mid-submit leaves it. */
    private Map<String, Object> leftSending(String caseId, Duration ago) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE notification n SET status = 'SENDING', attempts = 1, updated_at = now() - ? * interval '1 second' "
                        + "FROM case_contact cc WHERE n.contact_id = cc.id AND n.case_id = ?::uuid AND cc.pseudonym = ? "
                        + "RETURNING n.reference, n.language, n.venue_id, n.exposure_start, n.exposure_end")) {
            ps.setLong(1, ago.toSeconds());
            ps.setString(2, caseId);
            ps.setString(3, C1);
            try (var rs = ps.executeQuery()) {
                assertTrue(rs.next(), "C1 has a message");
                return Map.of("reference", rs.getInt(1), "language", rs.getString(2),
                        "venueId", UUID.fromString(rs.getString(3)), "from", rs.getTimestamp(4).toInstant(),
                        "to", rs.getTimestamp(5).toInstant());
            }
        }
    }

    @Test
    @Order(5)
    void aMessageTheSmscTookBeforeTheSenderStoppedIsSettledByItsReceiptNotSentAgain() throws IOException, SQLException {
        smsc.clearMessages();
        smsc.close();
        String caseId = caseWithContacts();
        assertEquals(2, notify(OFFICER_849, caseId, Map.of("tiers", List.of("F1")), 202).getInt("queued"));
        Map<String, Object> row = leftSending(caseId, Duration.ofMinutes(1));
        startSmsc(0);
        // What the stopped sender had done: the whole message submitted under its reference, the answer never recorded.
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.ensureBound(Instant.now()));
        String text = texts.textOf((String) row.get("language"), (UUID) row.get("venueId"), (Instant) row.get("from"),
                (Instant) row.get("to"));
        assertTrue(gateway.submit(PHONE_1, text, (Integer) row.get("reference")) instanceof SmppGateway.Submission.Accepted);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals("DELIVERED", statusOf(caseId, C1), "the echoed reference found the message");
            assertEquals("DELIVERED", statusOf(caseId, C2));
        });
        assertEquals(1, to(PHONE_1).size(), "not sent again");
        assertEquals(1, to(PHONE_2).size());
    }

    @Test
    @Order(6)
    void aMessageLeftSendingWithNoReceiptIsSentAgainAfterTheReceiptWait() throws IOException, SQLException {
        smsc.clearMessages();
        smsc.close();
        String caseId = caseWithContacts();
        assertEquals(2, notify(OFFICER_849, caseId, Map.of("tiers", List.of("F1")), 202).getInt("queued"));
        // The sender stopped after the claim and before the submit: nothing reached the SMSC, no receipt will come.
        leftSending(caseId, Duration.ofMinutes(20));
        startSmsc(0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals("DELIVERED", statusOf(caseId, C1));
            assertEquals("DELIVERED", statusOf(caseId, C2));
        });
        assertEquals(1, to(PHONE_1).size(), "not dropped: sent once, after the receipt wait");
        assertEquals(1, to(PHONE_2).size());
    }

    @Test
    @Order(7)
    void anSmscRestartMidRunNeitherRepeatsNorDropsAMessage() throws IOException {
        smsc.clearMessages();
        String caseId = caseWithContacts();
        assertEquals(2, notify(OFFICER_849, caseId, Map.of("tiers", List.of("F1")), 202).getInt("queued"));
        // One message a second: restart once the first is through and while the second still waits.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Set<String> statuses = new HashSet<>(List.of(String.valueOf(statusOf(caseId, C1)),
                    String.valueOf(statusOf(caseId, C2))));
            return statuses.equals(Set.of("DELIVERED", "QUEUED"));
        });
        smsc.close();
        Instant restarted = Instant.now();
        startSmsc(0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(1, to(PHONE_1).size());
            assertEquals(1, to(PHONE_2).size());
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertTrue(Set.of("SUBMITTED", "DELIVERED").contains(statusOf(caseId, C1)));
            assertTrue(Set.of("SUBMITTED", "DELIVERED").contains(statusOf(caseId, C2)));
        });
        assertEquals(1, to(PHONE_1).size(), "messaged once");
        assertEquals(1, to(PHONE_2).size(), "messaged once");
        assertEquals(1, smsc.messages().stream().filter(m -> m.receivedAt().isAfter(restarted)).count(),
                "the second message went to the restarted SMSC");
    }

    @Test
    @Order(8)
    void failedReceiptsMakeFailedOrExpiredMessages() throws IOException {
        smsc.close();
        startSmsc(1.0);
        String caseId = caseWithContacts();
        assertEquals(2, notify(OFFICER_849, caseId, Map.of("tiers", List.of("F1")), 202).getInt("queued"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertTrue(Set.of("FAILED", "EXPIRED").contains(statusOf(caseId, C1)), String.valueOf(statusOf(caseId, C1)));
            assertTrue(Set.of("FAILED", "EXPIRED").contains(statusOf(caseId, C2)), String.valueOf(statusOf(caseId, C2)));
        });
    }
}
