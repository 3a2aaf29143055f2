package org.lifeevents.common.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lifeevents.common.correlation.CorrelationId;
import org.lifeevents.common.json.ControlCharacterException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Maps every failure a client can cause, once, to {@code application/problem+json}. Nothing internal (a stack trace, a
 * class name, a SQL message) ever reaches the client; unexpected failures are logged with the correlation id the
 * client sees.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Seconds a client is asked to wait before it tries a 503 again. */
    static final int RETRY_AFTER_SECONDS = 30;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.status(), e.code(), e.title(), e.getMessage(), uri, e.errors());
        if (e.status() == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            return Response.fromResponse(response).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response validation(ResteasyReactiveViolationException e, UriInfo uri) {
        boolean aboutOurResponse = e.getConstraintViolations().stream()
                .anyMatch(v -> StreamSupport.stream(v.getPropertyPath().spliterator(), false)
                        .anyMatch(node -> node.getKind() == ElementKind.RETURN_VALUE));
        if (aboutOurResponse) {
            return unexpected(e, uri);
        }
        return violations(e.getConstraintViolations(), uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        return violations(e.getConstraintViolations(), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            errors.add(new Problem.FieldError(path(mapping), jsonCode(e), jsonMessage(e)));
        }
        String detail = errors.isEmpty() ? "The body is not valid JSON." : "The body has fields of the wrong form.";
        return respond(400, errors.isEmpty() ? "malformed_json" : "validation_failed", "Bad Request", detail, uri, errors);
    }

    /**
     * Quarkus REST has its own mapper for this subtype (an empty 400), which is nearer to it than ours for
     * {@link JsonProcessingException}: a second document after the body, or a value of the wrong type, would be refused
     * without a problem body.
     */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(401, "unauthenticated", "Unauthorized", "A valid bearer token is required.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response unauthorized(AuthenticationFailedException e, UriInfo uri) {
        return respond(401, "unauthenticated", "Unauthorized", "A valid bearer token is required.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "Your role does not allow this.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // Quarkus REST wraps a body Jackson cannot parse in a 400; answer it like any other unreadable JSON.
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        String code = type.getReasonPhrase().toLowerCase().replaceAll("[^a-z]+", "_");
        return respond(status, code, type.getReasonPhrase(), type.getReasonPhrase() + ".", uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String correlationId = CorrelationId.current();
        LOG.errorf(e, "Unexpected failure on %s (correlation id %s)", uri.getPath(), correlationId);
        return Response.status(500)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(500, "internal_error", "Internal Server Error",
                        "Something went wrong on our side. Quote the correlation id when you contact us.",
                        uri.getPath(), correlationId, List.of()))
                .build();
    }

    private static Response violations(java.util.Set<? extends ConstraintViolation<?>> violations, UriInfo uri) {
        return respond(400, "validation_failed", "Bad Request", "The request has invalid fields.", uri,
                fieldErrors(violations));
    }

    /**
     * Bean Validation violations as field errors with our stable codes, sorted by field; for services that validate
     * by hand so they can list these together with the errors of their domain checks.
     */
    public static List<Problem.FieldError> fieldErrors(java.util.Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new Problem.FieldError(field(v.getPropertyPath()), code(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::code))
                .toList();
    }

    private static Response respond(int status, String code, String title, String detail, UriInfo uri,
            List<Problem.FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, code, title, detail, uri.getPath(), CorrelationId.current(), errors))
                .build();
    }

    /** The field path as the client wrote it: without the Java method and parameter names. */
    static String field(Path path) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
            }
            if (name != null && !name.startsWith("<")) {
                parts.add(name);
            }
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }

    /** A stable code from the constraint: NotNull is "required", ValidPersonId "invalid_person_id", and so on. */
    static String code(ConstraintViolation<?> violation) {
        String name = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (name) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            case "PastOrPresent", "Past" -> "in_future";
            case "ValidPersonId" -> "invalid_person_id";
            case "ValidIban" -> "invalid_iban";
            case "Min", "Max", "Positive", "PositiveOrZero", "DecimalMin", "DecimalMax" -> "out_of_range";
            case "Size" -> "wrong_size";
            case "Pattern" -> "wrong_format";
            default -> name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
        };
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String jsonCode(JsonProcessingException e) {
        if (e instanceof ControlCharacterException) {
            return "control_character";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown_field";
        }
        if (e instanceof InvalidFormatException) {
            return "wrong_format";
        }
        if (e instanceof MismatchedInputException) {
            return "wrong_type";
        }
        return "unreadable";
    }

    private static String jsonMessage(JsonProcessingException e) {
        if (e instanceof ControlCharacterException) {
            return "must not contain control characters or half a surrogate pair";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "cannot be read as " + describe(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + describe(mismatched.getTargetType());
        }
        return "cannot be read";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "LocalTime" -> "a time (HH:MM)";
            case "Instant", "OffsetDateTime" -> "a timestamp (ISO 8601)";
            case "int", "Integer", "long", "Long" -> "a whole number";
            case "boolean", "Boolean" -> "true or false";
            case "String" -> "text";
            default -> type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants()) : "an object";
        };
    }
}
