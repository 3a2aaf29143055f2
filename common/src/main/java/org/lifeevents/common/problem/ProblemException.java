package org.lifeevents.common.problem;

import java.util.List;

import jakarta.ws.rs.core.Response.Status;

/**
 * A refusal the client should understand: mapped once, to problem+json with the given status and stable code. Domain
 * exceptions extend it or use its factories.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String code, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(Status status, String code, String detail) {
        this(status.getStatusCode(), code, status.getReasonPhrase(), detail, List.of());
    }

    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(Status.NOT_FOUND, code, detail);
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(Status.CONFLICT, code, detail);
    }

    public static ProblemException forbidden(String code, String detail) {
        return new ProblemException(Status.FORBIDDEN, code, detail);
    }

    /** 422: the request is well formed but the domain refuses it. */
    public static ProblemException unprocessable(String code, String detail, List<Problem.FieldError> errors) {
        return new ProblemException(422, code, "Unprocessable Content", detail, errors);
    }

    /**
     * 503: a server this one depends on (the broker, the database) did not answer; nothing the client did is wrong, and
     * the same request later can succeed. Answered with a {@code Retry-After}.
     */
    public static ProblemException unavailable(String code, String detail) {
        return new ProblemException(Status.SERVICE_UNAVAILABLE, code, detail);
    }

    /** 400 with field errors found by domain checks beyond bean validation. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(400, "validation_failed", "Bad Request", "The request has invalid fields.", errors);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
