package org.lifeevents.events.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.lifeevents.events.EventTypes;

/**
 * Avro single-object encoding of our events: two marker bytes, the 8-byte fingerprint of the writer schema, then the
 * Avro binary body. The reader resolves the fingerprint in {@link SchemaCatalog} and reads into the current generated
 * class of the same name, so producers and consumers may be one compatible schema version apart.
 */
public final class EventCodec {

    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;
    private static final int HEADER_LENGTH = 10;

    private static final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> ENCODERS = new ConcurrentHashMap<>();
    private static final Map<String, BinaryMessageDecoder<SpecificRecord>> DECODERS = new ConcurrentHashMap<>();

    /** Looked up from the list of events, not by reflection, so it works under any class loader (Quarkus tests). */
    private static final Map<String, Class<? extends SpecificRecord>> EVENT_CLASSES = EventTypes.ALL.stream()
            .collect(Collectors.toMap(type -> SchemaCatalog.schemaOf(type).getFullName(), Function.identity()));

    private EventCodec() {
    }

    public static byte[] encode(SpecificRecord event) {
        BinaryMessageEncoder<SpecificRecord> encoder = ENCODERS.computeIfAbsent(event.getClass(),
                type -> new BinaryMessageEncoder<>(model(type), event.getSchema()));
        try {
            ByteBuffer buffer = encoder.encode(event);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes a message into the current generated class of its writer schema's record.
     *
     * @throws UnreadableEventException when the bytes are not a single-object encoded event we know
     */
    public static SpecificRecord decode(byte[] bytes) {
        Schema writer = writerSchema(bytes);
        BinaryMessageDecoder<SpecificRecord> decoder = DECODERS.computeIfAbsent(writer.getFullName(), EventCodec::decoderFor);
        try {
            return decoder.decode(bytes);
        } catch (IOException | AvroRuntimeException e) {
            throw new UnreadableEventException("Body of " + writer.getFullName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The schema the message was written with, found by the fingerprint in its header. */
    public static Schema writerSchema(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
            throw new UnreadableEventException("Not an Avro single-object encoded message");
        }
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Schema writer = SchemaCatalog.get().findByFingerprint(fingerprint);
        if (writer == null) {
            throw new UnreadableEventException("Unknown writer schema fingerprint " + Long.toHexString(fingerprint));
        }
        return writer;
    }

    private static BinaryMessageDecoder<SpecificRecord> decoderFor(String fullName) {
        Class<? extends SpecificRecord> type = EVENT_CLASSES.get(fullName);
        if (type == null) {
            throw new UnreadableEventException("No event class for " + fullName);
        }
        Schema reader = SchemaCatalog.schemaOf(type);
        // Nested records are instantiated through the model's class loader; tie it to the event class's own loader
        // (application servers and Quarkus tests load the contract in a loader of their own).
        return new BinaryMessageDecoder<>(model(type), reader, SchemaCatalog.get());
    }

    /**
     * The data model for an event class, tied to its class loader, with the conversions of every logical type the
     * contract uses. A generated class only converts its own plain fields; a date inside a union (an optional date) or
     * in a nested record needs the model's conversion, whatever class loader Avro itself was loaded by.
     */
    private static SpecificData model(Class<?> type) {
        SpecificData model = new SpecificData(type.getClassLoader());
        model.addLogicalTypeConversion(new TimeConversions.DateConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        return model;
    }
}
