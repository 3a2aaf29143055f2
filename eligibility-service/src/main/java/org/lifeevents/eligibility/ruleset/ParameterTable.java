package org.lifeevents.eligibility.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The effective-dated parameters of the ruleset, read from a file a policy analyst maintains. Formulas are code; the
 * figures, their units and legal references are this data. Pure: no I/O after loading, so the rules can be tested
 * without a container.
 */
public final class ParameterTable {

    private final ParameterFile file;

    private ParameterTable(ParameterFile file) {
        this.file = file;
    }

    /** Reads and checks a parameter file; fails at once (at start-up) when a parameter the rules need is missing. */
    public static ParameterTable load(InputStream in) {
        try {
            ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            ParameterTable table = new ParameterTable(json.readValue(in, ParameterFile.class));
            table.check();
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped reference ruleset from the classpath. */
    public static ParameterTable fromClasspath(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader()
                : ParameterTable.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Ruleset parameters not found: " + resource);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of a parameter in force on the given day, with its unit and legal reference. */
    public Value valueOn(String name, LocalDate day) {
        Parameter parameter = file.parameters().get(name);
        if (parameter == null) {
            throw new IllegalArgumentException("Unknown ruleset parameter " + name);
        }
        return parameter.values().stream()
                .filter(v -> !v.from().isAfter(day))
                .max(Comparator.comparing(Dated::from))
                .map(v -> new Value(name, v.value(), parameter.unit(), parameter.legalReference(), v.from(), file.version()))
                .orElseThrow(() -> new IllegalStateException(name + " has no value in force on " + day));
    }

    /** The day the engine starts owing: no month before it, no one-off benefit for an event before it. */
    public LocalDate goLive() {
        return file.goLive().date();
    }

    public String goLiveLegalReference() {
        return file.goLive().legalReference();
    }

    /** The version of the whole file; raised by the analyst with every change. */
    public String version() {
        return file.version();
    }

    private void check() {
        List<String> problems = new ArrayList<>();
        if (file.version() == null || file.version().isBlank()) {
            problems.add("version is missing");
        }
        if (file.goLive() == null || file.goLive().date() == null || file.goLive().legalReference() == null) {
            problems.add("goLive needs a date and a legalReference");
        }
        for (String name : Parameters.ALL) {
            Parameter parameter = file.parameters() == null ? null : file.parameters().get(name);
            if (parameter == null || parameter.values() == null || parameter.values().isEmpty()) {
                problems.add(name + " is missing or has no values");
                continue;
            }
            if (parameter.unit() == null || parameter.legalReference() == null) {
                problems.add(name + " needs a unit and a legalReference");
            }
            if (parameter.values().stream().map(Dated::from).distinct().count() != parameter.values().size()) {
                problems.add(name + " has two values from the same date");
            }
            if (parameter.values().stream().anyMatch(v -> v.from() == null || v.value() < 0)) {
                problems.add(name + " has a value without a date or below zero");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Ruleset parameters are invalid: " + String.join("; ", problems));
        }
    }

    /** One parameter's value as applied, with where it comes from, for explanations. */
    public record Value(String name, long value, String unit, String legalReference, LocalDate validFrom,
            String parameterVersion) {

        /** Identifies the value itself (not the file): changes only when this figure changes. */
        public String id() {
            return name + "@" + validFrom;
        }
    }

    record ParameterFile(String description, String version, GoLive goLive, Map<String, Parameter> parameters) {
    }

    record GoLive(LocalDate date, String legalReference, String description) {
    }

    record Parameter(String description, String unit, String legalReference, List<Dated> values) {
    }

    record Dated(LocalDate from, long value) {
    }
}
