package org.lifeevents.eligibility.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.lifeevents.eligibility.ruleset.ParameterTable;

/** An entitlement while a rule works it out: collects its inputs, parameters, arithmetic and data reads. */
final class Draft {

    final String key;
    final Benefit benefit;
    Status status;
    String recipientId;
    String beneficiaryId;
    String householdId;
    String sourceRegistrationId;
    List<Period> periods = List.of();
    LocalDate spanFrom;
    LocalDate spanUntil;
    final List<Missing> missing = new ArrayList<>();
    String correlationId;
    String citizenText;
    String consentId;
    final List<String> arithmetic = new ArrayList<>();
    final Set<String> parties = new LinkedHashSet<>();
    private final Map<String, Explanation.Input> inputs = new LinkedHashMap<>();
    private final Map<String, ParameterTable.Value> parameters = new LinkedHashMap<>();
    private final Map<String, DataRead> reads = new LinkedHashMap<>();
    private final Set<String> extraReferences = new LinkedHashSet<>();

    Draft(String key, Benefit benefit) {
        this.key = key;
        this.benefit = benefit;
    }

    Draft input(String name, String value, String source, Instant observedAt) {
        inputs.putIfAbsent(name + "|" + value + "|" + source, new Explanation.Input(name, value, source, observedAt));
        return this;
    }

    /** Records the parameter value as applied and returns it. */
    ParameterTable.Value use(ParameterTable.Value value) {
        parameters.putIfAbsent(value.id(), value);
        return value;
    }

    void reference(String legalReference) {
        extraReferences.add(legalReference);
    }

    void read(DataRead read) {
        reads.putIfAbsent(read.subjectPersonId() + "|" + read.category(), read);
    }

    void missing(String code, String text) {
        if (missing.stream().noneMatch(m -> m.code().equals(code))) {
            missing.add(new Missing(code, text));
        }
    }

    DesiredEntitlement build(String ruleVersion, String parameterVersion, LocalDate today) {
        Objects.requireNonNull(status, "status");
        Set<String> references = new LinkedHashSet<>();
        parameters.values().forEach(v -> references.add(v.legalReference()));
        references.addAll(extraReferences);
        String legalReference = String.join("; ", references);
        if (recipientId != null) {
            parties.add(recipientId);
        }
        periods.forEach(p -> parties.add(p.recipientId()));
        Explanation explanation = new Explanation(benefit.name(), status.name(), ruleVersion, parameterVersion,
                legalReference, List.copyOf(inputs.values()), List.copyOf(parameters.values()), consentId,
                List.copyOf(arithmetic), citizenText, List.copyOf(missing), today);
        return new DesiredEntitlement(key, benefit, status, recipientId, beneficiaryId, householdId, sourceRegistrationId,
                periods, spanFrom, spanUntil, missing, legalReference, correlationId, citizenText, explanation,
                List.copyOf(reads.values()), parties.stream().filter(Objects::nonNull).collect(Collectors.toSet()));
    }
}
