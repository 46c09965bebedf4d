package org.qrtrace.events.kafka;

import org.apache.kafka.common.serialization.Deserializer;
import org.qrtrace.events.EventCodec;
import org.qrtrace.events.EventDecodingException;
import org.qrtrace.events.EventEnvelope;

/**
 * Kafka deserializer for {@link EventEnvelope}. Throws {@link EventDecodingException} for a record that is not a
 * valid event, so the consumer's failure handler can dead-letter it.
 */
public class EventDeserializer implements Deserializer<EventEnvelope> {
    @Override
    public EventEnvelope deserialize(String topic, byte[] data) {
        return data == null ? null : EventCodec.decode(data);
    }
}
