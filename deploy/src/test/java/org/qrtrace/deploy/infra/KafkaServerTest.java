package org.qrtrace.deploy.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.qrtrace.events.Topics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A topic the broker reports as existing, though its listing did not show it, is accepted only as the system wants it
 * (a race createTopics cannot provoke at will, so its check is tested directly).
 */
class KafkaServerTest {

    @Test
    void anExistingTopicIsAcceptedOnlyWithTheExpectedPartitionCount() throws Exception {
        try (KafkaServer kafka = KafkaServer.start(null, 0);
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            try {
                admin.createTopics(List.of(new NewTopic(Topics.CHECKIN_EVENTS, 2, (short) 1))).all().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                // On a loaded machine the admin client retried a create the broker had already done: the very race
                // createTopics absorbs. The topic exists with 2 partitions either way, which is all this test needs.
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw e;
                }
            }
            KafkaServer.requirePartitions(admin, Topics.CHECKIN_EVENTS, 2);
            IllegalStateException wrong = assertThrows(IllegalStateException.class,
                    () -> KafkaServer.requirePartitions(admin, Topics.CHECKIN_EVENTS, 6));
            assertTrue(wrong.getMessage().contains("checkin.events exists with 2 partitions, expected 6"), wrong.getMessage());
        }
    }
}
