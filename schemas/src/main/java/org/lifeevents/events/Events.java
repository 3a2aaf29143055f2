package org.lifeevents.events;

import java.time.Instant;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** Reads the envelope fields every event carries, whatever its type. */
public final class Events {

    public static final String EVENT_ID = "eventId";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String CORRELATION_ID = "correlationId";

    /** An ISO 20022 Max35Text holds a correlation id, so it can be the pain.001 EndToEndId. */
    public static final int CORRELATION_ID_MAX_LENGTH = 35;

    private Events() {
    }

    public static String eventId(SpecificRecord event) {
        return (String) event.get(field(event, EVENT_ID));
    }

    public static String correlationId(SpecificRecord event) {
        return (String) event.get(field(event, CORRELATION_ID));
    }

    public static Instant occurredAt(SpecificRecord event) {
        return (Instant) event.get(field(event, OCCURRED_AT));
    }

    /** The schema's short name, e.g. {@code BirthRegisteredEvent}; what the {@code event-type} header carries. */
    public static String type(SpecificRecord event) {
        return event.getSchema().getName();
    }

    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    /** A new correlation id: a UUID's 32 hex digits, which fits an EndToEndId. */
    public static String newCorrelationId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static int field(SpecificRecord event, String name) {
        Schema.Field field = event.getSchema().getField(name);
        if (field == null) {
            throw new IllegalArgumentException(event.getSchema().getFullName() + " has no envelope field " + name);
        }
        return field.pos();
    }
}
