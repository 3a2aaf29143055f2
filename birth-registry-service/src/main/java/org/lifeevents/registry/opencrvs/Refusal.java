package org.lifeevents.registry.opencrvs;

import java.util.List;

import org.lifeevents.common.problem.Problem;
import org.lifeevents.common.problem.ProblemException;

/**
 * Every way an OpenCRVS notification is refused, each with its stable code and status. Nothing refused is stored, and
 * a refusal about the bundle's content names the FHIR path of what is wrong.
 */
public enum Refusal {

    /** The webhook call carries no {@code X-Hub-Signature}. */
    SIGNATURE_MISSING(401, "Unauthorized", "signature_missing", "The notification carries no X-Hub-Signature."),
    /** The signature is not the HMAC of the body with this subscriber's secret: not from OpenCRVS, or altered. */
    SIGNATURE_INVALID(401, "Unauthorized", "signature_invalid",
            "The X-Hub-Signature does not match the body; the notification is not from the OpenCRVS we subscribed to."),
    /** No secret is configured, so no call can be verified. */
    WEBHOOK_NOT_CONFIGURED(403, "Forbidden", "webhook_not_configured",
            "This registry has no OpenCRVS subscriber secret configured and accepts no webhook call."),
    /**
     * The webhook body is not OpenCRVS's envelope ({@code timestamp}, {@code id}, {@code event.hub.topic},
     * {@code event.context}).
     */
    NOT_A_NOTIFICATION(400, "Bad Request", "not_an_opencrvs_notification",
            "The body is not an OpenCRVS webhook notification."),
    /** The bundle is not FHIR R4 JSON, or not a Bundle. */
    NOT_A_FHIR_BUNDLE(400, "Bad Request", "not_a_fhir_bundle", "The body is not a FHIR R4 Bundle."),
    /** Neither a birth nor a death, or the topic and the Task disagree. */
    UNKNOWN_EVENT_TYPE(400, "Bad Request", "unknown_event_type",
            "The notification is neither a birth nor a death registration."),
    /** The Task's registration status is not REGISTERED: a declaration or validation is not a registration yet. */
    NOT_REGISTERED(422, "Unprocessable Content", "not_registered",
            "The record is not registered yet; only REGISTERED records are applied."),
    /** Something the mapping needs is missing or malformed; the errors name each FHIR path. */
    INVALID_BUNDLE(400, "Bad Request", "invalid_fhir_bundle", "The bundle lacks or misstates what a registration needs.");

    /** Field error codes inside {@link #INVALID_BUNDLE}. */
    public static final String RESOURCE_MISSING = "resource_missing";
    public static final String PERSON_ID_MISSING = "national_id_missing";
    public static final String VALUE_MISSING = "value_missing";
    public static final String CONTRADICTS_PERSON_ID = "contradicts_person_id";

    private final int status;
    private final String title;
    private final String code;
    private final String detail;

    Refusal(int status, String title, String code, String detail) {
        this.status = status;
        this.title = title;
        this.code = code;
        this.detail = detail;
    }

    public String code() {
        return code;
    }

    public ProblemException exception() {
        return exception(detail, List.of());
    }

    public ProblemException exception(String detail) {
        return exception(detail, List.of());
    }

    public ProblemException exception(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(status, code, title, detail, errors);
    }
}
