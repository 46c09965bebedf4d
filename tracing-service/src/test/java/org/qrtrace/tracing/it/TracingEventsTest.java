package org.qrtrace.tracing.it;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;
import org.qrtrace.common.adminunit.AdminUnitCode;
import org.qrtrace.events.ContactNotified;
import org.qrtrace.events.VenueClosed;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.tracing.domain.NotificationStatus;
import org.qrtrace.tracing.domain.Tier;
import org.qrtrace.tracing.service.TracingEvents;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TracingEvents}: events join the caller's transaction (none: refused; rolled back: never sent), a repeat of the
 * same message status is the same event, and what reaches tracing.events names no person.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "tracing"))
class TracingEventsTest {

    @Inject
    TracingEvents events;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    long outboxRowsOf(UUID notificationId) throws SQLException {
        return Db.number(dataSource, "SELECT count(*) FROM outbox_event WHERE event_type = 'ContactNotified' "
                + "AND convert_from(payload, 'UTF8') LIKE ?", "%" + notificationId + "%");
    }

    @Test
    void aContactNotifiedIsOneEventPerMessageAndStatusAndReachesTheTopic() throws SQLException {
        UUID notification = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        UUID venue = UUID.randomUUID();
        Instant at = clock.instant();
        assertTrue(QuarkusTransaction.requiringNew().call(() -> events.contactNotified(notification, caseId, Tier.F1, venue,
                AdminUnitCode.of("703"), NotificationStatus.SUBMITTED, at)));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> events.contactNotified(notification, caseId, Tier.F1, venue,
                AdminUnitCode.of("703"), NotificationStatus.SUBMITTED, at.plusSeconds(5))), "the same status again");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> events.contactNotified(notification, caseId, Tier.F1, venue,
                AdminUnitCode.of("703"), NotificationStatus.DELIVERED, at.plusSeconds(30))));
        assertEquals(2, outboxRowsOf(notification));

        try (TracingTopic topic = new TracingTopic()) {
            List<TracingTopic.Received> received = topic.awaitEvents(e -> e.payload() instanceof ContactNotified c
                    && c.notificationId().equals(notification), 2);
            assertEquals(List.of(ContactNotified.Status.SUBMITTED, ContactNotified.Status.DELIVERED),
                    received.stream().map(r -> ((ContactNotified) r.event().payload()).status()).toList());
            ContactNotified delivered = (ContactNotified) received.get(1).event().payload();
            assertEquals(new ContactNotified(notification, caseId, ContactNotified.Tier.F1, venue, "703",
                    ContactNotified.Status.DELIVERED, delivered.occurredAt()), delivered);
            assertEquals(venue.toString(), received.get(1).key());
            for (TracingTopic.Received r : received) {
                assertFalse(r.json().contains("phone") || r.json().contains("pseudonym") || r.json().contains("caseReference"),
                        r.json());
            }
        }
    }

    @Test
    void eventsNeedTheCallersTransactionAndRollBackWithIt() throws SQLException {
        UUID notification = UUID.randomUUID();
        assertThrows(TransactionalException.class, () -> events.contactNotified(notification, UUID.randomUUID(), Tier.F2,
                UUID.randomUUID(), AdminUnitCode.of("703"), NotificationStatus.FAILED, clock.instant()));
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            events.contactNotified(notification, UUID.randomUUID(), Tier.F2, UUID.randomUUID(), AdminUnitCode.of("703"),
                    NotificationStatus.EXPIRED, clock.instant());
            throw new IllegalStateException("the change failed after its event was appended");
        }));
        assertEquals(0, outboxRowsOf(notification));
    }

    @Test
    void onlyStatesAfterTheMessageLeftAndOnlyThisTopicsEventsAreAccepted() {
        for (NotificationStatus waiting : List.of(NotificationStatus.QUEUED, NotificationStatus.SENDING)) {
            assertThrows(IllegalArgumentException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                    events.contactNotified(UUID.randomUUID(), UUID.randomUUID(), Tier.F1, UUID.randomUUID(),
                            AdminUnitCode.of("703"), waiting, clock.instant())));
        }
        assertThrows(IllegalArgumentException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                events.append(UUID.randomUUID(), clock.instant(), new VenueClosed(UUID.randomUUID(), clock.instant(), "x"))));
    }
}
