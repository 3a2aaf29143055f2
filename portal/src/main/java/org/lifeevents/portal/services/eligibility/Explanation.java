package org.lifeevents.portal.services.eligibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A decision's stored explanation: every input with its source and time, the parameters with their legal references,
 * the consent relied on, and the arithmetic.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Explanation(String benefit, String outcome, String ruleVersion, String parameterVersion,
        String legalReference, List<Input> inputs, List<Parameter> parameters, String consentId,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> arithmetic,
        String citizenText, LocalDate evaluatedOn) {

    public Explanation {
        inputs = inputs == null ? List.of() : inputs;
        parameters = parameters == null ? List.of() : parameters;
        arithmetic = arithmetic == null ? List.of() : arithmetic;
    }

    /** One fact the decision used and where it came from. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(String name, String value, String source, Instant observedAt) {
    }

    /** One parameter value applied, with its unit, legal reference and the day it is valid from. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Parameter(String name, Long value, String unit, String legalReference, LocalDate validFrom,
            String parameterVersion) {
    }
}
