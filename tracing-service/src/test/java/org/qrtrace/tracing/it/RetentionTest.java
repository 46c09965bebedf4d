package org.qrtrace.tracing.it;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestTokens;
import org.qrtrace.tracing.repository.PartitionRepository;
import org.qrtrace.tracing.service.CaseDataRetention;
import org.qrtrace.tracing.service.PartitionMaintenance;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Day partitions are created ahead, expired days are dropped whole and reported, late rows are moved or skipped. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "tracing"))
class RetentionTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PartitionRepository partitions;

    private long count(String sql) throws SQLException {
        return Db.number(dataSource, sql);
    }

    private void sql(String... statements) throws SQLException {
        Db.execute(dataSource, statements);
    }

    private static String insertVisit(Instant at) {
        return "INSERT INTO visit (checked_in_at, checkin_id, pseudonym, venue_id, checked_out_at, auto_checkout_at, source) "
                + "VALUES ('" + at + "', '" + UUID.randomUUID() + "', 'p', '" + UUID.randomUUID() + "', '"
                + at.plus(Duration.ofHours(1)) + "', '" + at.plus(Duration.ofHours(1)) + "', 'WEB')";
    }

    @Inject
    PartitionMaintenance maintenance;

    @Inject
    Clock clock;

    @Test
    void expiredDaysAreDroppedWholeAndTheDeletionIsReported() throws SQLException {
        // The partitions were made when the service started, maybe before midnight UTC: run the maintenance on a day
        // that does not change under it (read before and after; again in the rare case midnight fell in between).
        LocalDate today;
        LocalDate after;
        do {
            today = LocalDate.now(clock);
            maintenance.maintain();
            after = LocalDate.now(clock);
        } while (!today.equals(after));
        List<LocalDate> days = partitions.days();
        assertTrue(days.contains(today.plusDays(7)), "partitions exist a week ahead: " + days);
        assertTrue(days.contains(today.minusDays(21)), "and back to the retention boundary: " + days);
        assertFalse(days.contains(today.minusDays(22)), "and no further: " + days);

        LocalDate old = today.minusDays(40);
        Instant start = old.atStartOfDay().toInstant(ZoneOffset.UTC);
        sql("CREATE TABLE " + PartitionRepository.nameOf(old) + " PARTITION OF visit FOR VALUES FROM ('" + start
                + "') TO ('" + start.plus(Duration.ofDays(1)) + "')");
        for (int i = 0; i < 3; i++) {
            sql(insertVisit(start.plus(Duration.ofHours(i))));
        }

        given().auth().oauth2(TestTokens.healthOfficer("30")).when().post("/api/v1/retention/run").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).when().post("/api/v1/retention/run").then().statusCode(200);

        assertFalse(partitions.days().contains(old));
        List<Map<String, Object>> report = given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/retention/deletions")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(report.stream().anyMatch(d -> PartitionRepository.nameOf(old).equals(d.get("partition"))
                && Integer.valueOf(3).equals(d.get("rowsDeleted")) && "P21D".equals(d.get("retention"))),
                "deletion reported: " + report);
        given().auth().oauth2(TestTokens.healthOfficer("30")).when().get("/api/v1/retention/deletions").then().statusCode(403);
    }

    @Test
    void rowsParkedInTheDefaultPartitionMoveIntoTheirDayWhenItIsCreated() throws SQLException {
        LocalDate far = LocalDate.now(ZoneOffset.UTC).plusDays(30 + (int) (Math.random() * 300));
        Instant at = far.atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofHours(5));
        sql(insertVisit(at));
        assertEquals(1, count("SELECT count(*) FROM visit_default WHERE checked_in_at = '" + at + "'"));
        QuarkusTransaction.requiringNew().run(() -> partitions.create(far));
        assertEquals(0, count("SELECT count(*) FROM visit_default WHERE checked_in_at = '" + at + "'"));
        assertEquals(1, count("SELECT count(*) FROM " + PartitionRepository.nameOf(far) + " WHERE checked_in_at = '" + at + "'"));
        sql("DROP TABLE " + PartitionRepository.nameOf(far));
    }

    @Test
    void checkInsOlderThanRetentionAreNotStored() {
        double before = expiredCount();
        try (Events events = new Events()) {
            Instant old = Instant.now().minus(Duration.ofDays(30));
            events.send(Events.checkIn(UUID.randomUUID(), UUID.randomUUID(), Events.randomPseudonym(), null, old,
                    old.plus(Duration.ofHours(1)), List.of()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> expiredCount() >= before + 1);
    }

    private static double expiredCount() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("tracing_events_expired_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Inject
    CaseDataRetention caseData;

    @Test
    void aContactsPhoneIsDeletedOnceTheFollowUpPeriodAndTheGraceHavePassedAndTheirQueuedMessageFails() throws SQLException {
        Instant now = clock.instant();
        Instant boundary = caseData.phonesKeptFrom(now);
        UUID caseId = UUID.randomUUID(), expired = UUID.randomUUID(), kept = UUID.randomUUID();
        sql("INSERT INTO confirmed_case (id, case_reference, pseudonym, confirmed_at, admin_unit_code, admin_unit_given_on, "
                        + "status, created_at, created_by) VALUES ('" + caseId + "', 'RET-" + caseId + "', 'idx', '"
                        + boundary.minus(Duration.ofDays(3)) + "', '30', '" + LocalDate.ofInstant(now, ZoneOffset.UTC)
                        + "', 'OPEN', '" + now + "', 'test')",
                contact(expired, caseId, boundary.minus(Duration.ofHours(1))),
                contact(kept, caseId, boundary.plus(Duration.ofHours(1))),
                "INSERT INTO notification (case_id, contact_id, tier, language, sealed_contact, venue_id, exposure_start, "
                        + "exposure_end, status, next_attempt_at, created_by, created_at, updated_at) VALUES ('" + caseId
                        + "', '" + expired + "', 'F1', 'vi', 'sealed', '" + UUID.randomUUID() + "', '" + boundary.minus(Duration.ofHours(2))
                        + "', '" + boundary.minus(Duration.ofHours(1)) + "', 'QUEUED', '" + now + "', 'test', '" + now + "', '" + now + "')");

        assertTrue(caseData.deleteExpiredPhones() >= 1);

        assertEquals(0, count("SELECT count(*) FROM case_contact WHERE id = '" + expired + "' AND sealed_contact IS NOT NULL"),
                "exposed before the boundary: phone deleted");
        assertEquals(1, count("SELECT count(*) FROM case_contact WHERE id = '" + expired + "' AND pseudonym = 'p-" + expired + "'"),
                "the contact itself stays, for the case's record");
        assertEquals(1, count("SELECT count(*) FROM case_contact WHERE id = '" + kept + "' AND sealed_contact = 'sealed'"),
                "exposed after it: phone kept");
        assertEquals(1, count("SELECT count(*) FROM notification WHERE contact_id = '" + expired
                + "' AND status = 'FAILED' AND sealed_contact IS NULL"), "its queued message is failed with it");
    }

    private static String contact(UUID id, UUID caseId, Instant lastExposure) {
        return "INSERT INTO case_contact (id, case_id, pseudonym, tier, first_exposure, last_exposure, venues, "
                + "sealed_contact, recorded_at) VALUES ('" + id + "', '" + caseId + "', 'p-" + id + "', 'F1', '"
                + lastExposure.minus(Duration.ofHours(1)) + "', '" + lastExposure + "', '[]', 'sealed', '" + lastExposure + "')";
    }
}
