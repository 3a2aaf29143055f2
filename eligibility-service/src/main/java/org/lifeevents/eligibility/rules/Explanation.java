package org.lifeevents.eligibility.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.lifeevents.eligibility.ruleset.ParameterTable;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Why a decision came out as it did: every input with its source and time, the parameters applied with their legal
 * references, the consent relied on, and the arithmetic, in words a citizen and an auditor can both read.
 */
public record Explanation(String benefit, String outcome, String ruleVersion, String parameterVersion,
        String legalReference, List<Input> inputs, List<ParameterTable.Value> parameters, String consentId,
        // decisions of the walking skeleton stored the arithmetic as one line
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> arithmetic, String citizenText,
        List<Missing> missing, LocalDate evaluatedOn) {

    /** One fact the decision used and where it came from. */
    public record Input(String name, String value, String source, Instant observedAt) {
    }
}
