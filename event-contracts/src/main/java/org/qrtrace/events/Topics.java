package org.qrtrace.events;

import java.util.List;
import java.util.Map;

/** The Kafka topics of the system with the settings they are created with (local stack, tests, k8s manifests). */
public final class Topics {
    public static final String VENUE_EVENTS = "venue.events";
    public static final String CHECKIN_EVENTS = "checkin.events";
    /** Records tracing-service could not parse; kept for inspection, never blocking a partition. */
    public static final String TRACING_DEAD_LETTER = "tracing.dead-letter";
    /**
     * What tracing-service tells others (exposure sites published and withdrawn, what became of contacts' SMS), relayed
     * from its transactional outbox; no phone, pseudonym or case reference (docs/architecture.md, "Exposure sites").
     */
    public static final String TRACING_EVENTS = "tracing.events";

    private static final long DAY_MS = 24L * 3600 * 1000;

    /** A topic with its partition count and configuration. */
    public record TopicSpec(String name, int partitions, Map<String, String> config) {
    }

    /**
     * venue.events is kept whole, not compacted: its events are changes (a rotation, a closure), not full states, so
     * compaction by venue id would leave only a venue's last change and a consumer rebuilding from the beginning would
     * lose the registration. The volume is small (a few events per venue per year). Check-ins outlive the 21-day
     * presence retention by a week so a consumer can be rebuilt from the topic.
     * <p>
     * tracing.events is small too: officers' publications and withdrawals, and a few status events per SMS (at most
     * the sender's rate, 10 per second per instance), so 3 partitions (key = venue id) carry it with room. Kept 28
     * days: a site stays on the public list until 14 days after its window and is published after that window ends,
     * so every site still listed was published within the last 14 days, and a consumer rebuilding the list (or a
     * notification count over the 14-day follow-up period) from the beginning of the topic finds all it needs with a
     * second fortnight to spare; after that the events have served their purpose and are deleted, not compacted.
     */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(VENUE_EVENTS, 3, Map.of("cleanup.policy", "delete", "retention.ms", "-1")),
            new TopicSpec(CHECKIN_EVENTS, 6, Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(28 * DAY_MS))),
            new TopicSpec(TRACING_DEAD_LETTER, 1, Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(28 * DAY_MS))),
            new TopicSpec(TRACING_EVENTS, 3, Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(28 * DAY_MS))));

    private Topics() {
    }
}
