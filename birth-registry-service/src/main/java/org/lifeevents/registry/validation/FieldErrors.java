package org.lifeevents.registry.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.lifeevents.common.problem.Problem;
import org.lifeevents.common.problem.ProblemException;

/** Collects every field error of one request, so a refusal lists them all at once. */
public final class FieldErrors {

    private final List<Problem.FieldError> errors;
    private final String prefix;

    public FieldErrors() {
        this(new ArrayList<>(), "");
    }

    private FieldErrors(List<Problem.FieldError> errors, String prefix) {
        this.errors = errors;
        this.prefix = prefix;
    }

    /** A view that adds to the same errors with the prefix before each field, for a part of the request. */
    public FieldErrors under(String fieldPrefix) {
        return new FieldErrors(errors, prefix + fieldPrefix);
    }

    public FieldErrors add(String field, String code, String message) {
        errors.add(new Problem.FieldError(prefix + field, code, message));
        return this;
    }

    public FieldErrors addAll(List<Problem.FieldError> more) {
        more.forEach(e -> add(e.field(), e.code(), e.message()));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Whether a field already has an error (later checks of that field would only repeat it). */
    public boolean has(String field) {
        return errors.stream().anyMatch(e -> (prefix + field).equals(e.field()));
    }

    public List<Problem.FieldError> list() {
        return errors.stream().distinct()
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::code))
                .toList();
    }

    /** Refuses the request with 400 and every error collected, when there is one. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(list());
        }
    }
}
