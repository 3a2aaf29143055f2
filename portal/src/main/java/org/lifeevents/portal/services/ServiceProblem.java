package org.lifeevents.portal.services;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An {@code application/problem+json} answer of one of the services: a stable {@code code}, words for people in
 * {@code detail}, and the refused fields.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServiceProblem(String type, String title, int status, String detail, String code, String correlationId,
        List<FieldError> errors) {

    public ServiceProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** One refused field: where, a stable code, and the service's words. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String code, String message) {
    }
}
