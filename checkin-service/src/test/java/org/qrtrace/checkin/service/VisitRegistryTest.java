package org.qrtrace.checkin.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.qrtrace.checkin.config.CheckinConfig;
import org.qrtrace.checkin.domain.Visit;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry finds a person's open visit by a key made again from the pseudonym (a repeated scan, a gate OUT, a
 * check-out), never joins a visit Kafka refused, and closes only the visit a check-out names.
 */
class VisitRegistryTest {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    static final String PSEUDONYM = "ab".repeat(32);

    final VisitRegistry registry = new VisitRegistry(config(), Clock.fixed(T0, ZoneOffset.UTC), new SimpleMeterRegistry());
    final UUID venue = UUID.randomUUID();

    static CheckinConfig config() {
        CheckinConfig.Visits visits = (CheckinConfig.Visits) Proxy.newProxyInstance(VisitRegistryTest.class.getClassLoader(),
                new Class<?>[]{CheckinConfig.Visits.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "duplicateWindow" -> Duration.ofMinutes(5);
                    case "openVisitCacheSize" -> 1000;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (CheckinConfig) Proxy.newProxyInstance(VisitRegistryTest.class.getClassLoader(),
                new Class<?>[]{CheckinConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("visits")) {
                        return visits;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    Visit visit(Instant at) {
        return new Visit(UUID.randomUUID(), Visit.Key.of(venue, PSEUDONYM), "Chợ", "Cổng chính", at, at.plus(Duration.ofHours(1)), 0);
    }

    /** The key as another request makes it: its own UUID and pseudonym string. */
    Visit.Key sameKey() {
        return Visit.Key.of(UUID.fromString(venue.toString()), new String(PSEUDONYM.toCharArray()));
    }

    @Test
    void aScanWithinTheWindowJoinsTheOpenVisitAndOneAfterItStartsAnother() {
        Visit first = visit(T0);
        assertSame(first, registry.openOrJoin(first));
        first.acknowledged().complete(null);
        assertSame(first, registry.openOrJoin(visit(T0.plus(Duration.ofMinutes(4)))));
        Visit later = visit(T0.plus(Duration.ofMinutes(6)));
        assertSame(later, registry.openOrJoin(later));
        assertSame(later, registry.openAt(sameKey(), T0.plus(Duration.ofMinutes(7))).orElseThrow());
        assertTrue(registry.openAt(sameKey(), T0.plus(Duration.ofMinutes(5))).isEmpty(), "an OUT before the visit began");
    }

    @Test
    void aVisitKafkaRefusedIsNotJoinedAndAForgottenOneIsGone() {
        Visit refused = visit(T0);
        registry.openOrJoin(refused);
        refused.acknowledged().completeExceptionally(new IllegalStateException("Kafka"));
        Visit retry = visit(T0.plusSeconds(1));
        assertSame(retry, registry.openOrJoin(retry));
        registry.forget(retry);
        assertTrue(registry.openAt(sameKey(), T0.plusSeconds(2)).isEmpty());
    }

    @Test
    void aCheckoutClosesOnlyTheVisitItNames() {
        Visit v = visit(T0);
        registry.openOrJoin(v);
        assertFalse(registry.close(sameKey(), UUID.randomUUID()));
        assertEquals(1, registry.size());
        assertTrue(registry.close(sameKey(), UUID.fromString(v.checkinId().toString())));
        assertTrue(registry.openAt(sameKey(), T0).isEmpty());
        registry.reopen(v);
        assertSame(v, registry.openAt(sameKey(), T0).orElseThrow());
    }
}
