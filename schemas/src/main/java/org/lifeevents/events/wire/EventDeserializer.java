package org.lifeevents.events.wire;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for our events. A topic may carry several event types (all registrations of a person share one
 * topic so they stay in order); the fingerprint in each message says which.
 */
public class EventDeserializer implements Deserializer<SpecificRecord> {

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        return data == null ? null : EventCodec.decode(data);
    }
}
