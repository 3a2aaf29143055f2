package org.lifeevents.common.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body, with our extensions: a stable snake_case {@code code}, the field errors, and the
 * correlation id to quote to support.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String code,
        String correlationId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:lifeevents:problem:";

    public static Problem of(int status, String code, String title, String detail, String instance, String correlationId,
            List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + code, title, status, detail, instance, code, correlationId, List.copyOf(errors));
    }

    /** One refused field: where, a stable code, and words for people. */
    public record FieldError(String field, String code, String message) {
    }
}
