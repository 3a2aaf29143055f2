package org.lifeevents.events.wire;

import java.nio.charset.StandardCharsets;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.lifeevents.events.Events;

/** Kafka serializer for our events; adds the event type as a header so people reading a topic see what each record is. */
public class EventSerializer implements Serializer<SpecificRecord> {

    public static final String EVENT_TYPE_HEADER = "event-type";

    @Override
    public byte[] serialize(String topic, SpecificRecord event) {
        return event == null ? null : EventCodec.encode(event);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, SpecificRecord event) {
        if (event != null && headers != null && headers.lastHeader(EVENT_TYPE_HEADER) == null) {
            headers.add(EVENT_TYPE_HEADER, Events.type(event).getBytes(StandardCharsets.UTF_8));
        }
        return serialize(topic, event);
    }
}
