package org.lifeevents.registry.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import org.lifeevents.common.problem.ProblemMappers;

/**
 * Runs Bean Validation by hand, so a service can report the request's constraint violations together with the errors
 * its domain checks find, in one refusal.
 */
@ApplicationScoped
public class RequestChecks {

    @Inject
    Validator validator;

    /** A collector holding the request's constraint violations (or "body required" when there is no body). */
    public FieldErrors check(Object request) {
        FieldErrors errors = new FieldErrors();
        if (request == null) {
            return errors.add("body", "required", "a JSON body is required");
        }
        return errors.addAll(ProblemMappers.fieldErrors(validator.validate(request)));
    }
}
