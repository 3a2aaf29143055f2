package org.lifeevents.systemtests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The system tests' own trace collector: a real HTTP server that takes what the services export over OTLP/HTTP
 * (protobuf, {@code /v1/traces}) and keeps the spans, decoded from the wire format by hand for the few fields the
 * tests read (the OTLP protobuf classes are not on our Maven mirror, and the fields' numbers are stable).
 */
final class OtlpReceiver implements AutoCloseable {

    /** One exported span: the service that exported it (resource attribute {@code service.name}) and its ids. */
    record ExportedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
            Map<String, String> attributes) {
    }

    private final HttpServer server;
    private final List<ExportedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/", receiver::receive);
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "otlp-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the OTLP receiver", e);
        }
    }

    /** The base URL the services export to ({@code quarkus.otel.exporter.otlp.traces.endpoint}). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ExportedSpan> spans() {
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
            }
            try {
                exportRequest(ByteBuffer.wrap(bytes));
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            // an empty ExportTraceServiceResponse: everything accepted
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** ExportTraceServiceRequest: 1 = ResourceSpans. */
    private void exportRequest(ByteBuffer in) {
        while (in.hasRemaining()) {
            int tag = varint(in);
            if (tag >>> 3 == 1) {
                resourceSpans(field(in));
            } else {
                skip(in, tag);
            }
        }
    }

    /** ResourceSpans: 1 = Resource (1 = attributes), 2 = ScopeSpans (2 = spans). */
    private void resourceSpans(ByteBuffer in) {
        Map<String, String> resource = new HashMap<>();
        List<ByteBuffer> scopeSpans = new ArrayList<>();
        while (in.hasRemaining()) {
            int tag = varint(in);
            switch (tag >>> 3) {
                case 1 -> attributes(field(in), 1, resource);
                case 2 -> scopeSpans.add(field(in));
                default -> skip(in, tag);
            }
        }
        String service = resource.get("service.name");
        for (ByteBuffer scope : scopeSpans) {
            while (scope.hasRemaining()) {
                int tag = varint(scope);
                if (tag >>> 3 == 2) {
                    span(service, field(scope));
                } else {
                    skip(scope, tag);
                }
            }
        }
    }

    /** Span: 1 = trace_id, 2 = span_id, 4 = parent_span_id, 5 = name, 9 = attributes. */
    private void span(String service, ByteBuffer in) {
        String traceId = null;
        String spanId = null;
        String parentSpanId = "";
        String name = null;
        Map<String, String> attributes = new HashMap<>();
        while (in.hasRemaining()) {
            int tag = varint(in);
            switch (tag >>> 3) {
                case 1 -> traceId = hex(field(in));
                case 2 -> spanId = hex(field(in));
                case 4 -> parentSpanId = hex(field(in));
                case 5 -> name = string(field(in));
                case 9 -> keyValue(field(in), attributes);
                default -> skip(in, tag);
            }
        }
        spans.add(new ExportedSpan(service, traceId, spanId, parentSpanId, name, attributes));
    }

    private static void attributes(ByteBuffer in, int field, Map<String, String> into) {
        while (in.hasRemaining()) {
            int tag = varint(in);
            if (tag >>> 3 == field) {
                keyValue(field(in), into);
            } else {
                skip(in, tag);
            }
        }
    }

    /** KeyValue: 1 = key, 2 = AnyValue (1 = string_value; other kinds are kept as absent). */
    private static void keyValue(ByteBuffer in, Map<String, String> into) {
        String key = null;
        String value = null;
        while (in.hasRemaining()) {
            int tag = varint(in);
            if (tag >>> 3 == 1) {
                key = string(field(in));
            } else if (tag >>> 3 == 2) {
                ByteBuffer any = field(in);
                while (any.hasRemaining()) {
                    int anyTag = varint(any);
                    if (anyTag >>> 3 == 1) {
                        value = string(field(any));
                    } else {
                        skip(any, anyTag);
                    }
                }
            } else {
                skip(in, tag);
            }
        }
        if (key != null && value != null) {
            into.put(key, value);
        }
    }

    private static int varint(ByteBuffer in) {
        return (int) varlong(in);
    }

    private static long varlong(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }

    private static ByteBuffer field(ByteBuffer in) {
        int length = varint(in);
        ByteBuffer field = in.slice(in.position(), length);
        in.position(in.position() + length);
        return field;
    }

    private static void skip(ByteBuffer in, int tag) {
        switch (tag & 7) {
            case 0 -> varlong(in);
            case 1 -> in.position(in.position() + 8);
            case 2 -> field(in);
            case 5 -> in.position(in.position() + 4);
            default -> throw new IllegalArgumentException("unsupported wire type " + (tag & 7));
        }
    }

    private static String string(ByteBuffer in) {
        byte[] bytes = new byte[in.remaining()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String hex(ByteBuffer in) {
        byte[] bytes = new byte[in.remaining()];
        in.get(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
