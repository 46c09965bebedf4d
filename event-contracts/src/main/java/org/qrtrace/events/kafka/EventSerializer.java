package org.qrtrace.events.kafka;

import org.apache.kafka.common.serialization.Serializer;
import org.qrtrace.events.EventCodec;
import org.qrtrace.events.EventEnvelope;

/** Kafka serializer for {@link EventEnvelope}. */
public class EventSerializer implements Serializer<EventEnvelope> {
    @Override
    public byte[] serialize(String topic, EventEnvelope data) {
        return data == null ? null : EventCodec.encode(data);
    }
}
