package org.lifeevents.systemtests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.lifeevents.localstack.LocalStack;
import org.lifeevents.localstack.Service;
import org.lifeevents.localstack.StackSettings;

/**
 * One running stack for all system tests of the run: free ports, data under target/, stopped when the JVM exits. Its
 * services export every trace to the tests' own collector ({@link #traces()}).
 */
final class SystemStack {

    /** The services built with quarkus-opentelemetry (the bank simulator stands for a bank, which traces nothing). */
    private static final List<Service> TRACED = List.of(Service.REGISTRY, Service.CONSENT, Service.ELIGIBILITY,
            Service.PAYMENT, Service.PORTAL);

    private static LocalStack stack;
    private static OtlpReceiver traces;

    private SystemStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            Path checkout = Path.of(System.getProperty("lifeevents.root", "..")).toAbsolutePath().normalize();
            Path data = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().getParent().resolve("stack");
            traces = OtlpReceiver.start();
            exportTracesTo(traces);
            stack = LocalStack.start(StackSettings.forTests(checkout, data));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stack.close();
                traces.close();
            }));
        }
        return stack;
    }

    /** The spans the stack's services exported. */
    static synchronized OtlpReceiver traces() {
        get();
        return traces;
    }

    /** Every trace sampled and exported within a fraction of a second (the defaults: none, and every 5 s). */
    private static void exportTracesTo(OtlpReceiver receiver) {
        Map<String, String> settings = Map.of(
                "quarkus.otel.exporter.otlp.traces.endpoint", receiver.endpoint(),
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.traces.sampler.arg", "1.0",
                "quarkus.otel.bsp.schedule.delay", "200ms");
        for (Service service : TRACED) {
            settings.forEach((key, value) -> {
                String property = "lifeevents.stack." + service.module() + "." + key;
                if (System.getProperty(property) == null) {
                    System.setProperty(property, value);
                }
            });
        }
    }
}
