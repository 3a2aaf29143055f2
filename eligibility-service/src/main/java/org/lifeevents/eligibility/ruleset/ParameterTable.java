package org.lifeevents.eligibility.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The effective-dated parameters of the ruleset, read from a file a policy analyst maintains. Formulas are code; the
 * figures, their units and legal references are this data.
 */
@ApplicationScoped
public class ParameterTable {

    private final ParameterFile file;

    @Inject
    public ParameterTable(ObjectMapper json, @ConfigProperty(name = "lifeevents.ruleset.parameters") String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Ruleset parameters not found: " + resource);
            }
            this.file = json.readValue(in, ParameterFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of a parameter in force on the given day, with its legal reference. */
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

    public String version() {
        return file.version();
    }

    /** One parameter's value as applied, with where it comes from, for explanations. */
    public record Value(String name, long value, String unit, String legalReference, LocalDate validFrom,
            String parameterVersion) {
    }

    record ParameterFile(String description, String version, Map<String, Parameter> parameters) {
    }

    record Parameter(String unit, String legalReference, List<Dated> values) {
    }

    record Dated(LocalDate from, long value) {
    }
}
