package org.lifeevents.registry.opencrvs;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.lifeevents.common.problem.Problem;
import org.lifeevents.common.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;

/**
 * Reads FHIR R4 JSON into HAPI FHIR's model. Lenient on purpose: OpenCRVS writes some elements in its own way (a
 * {@code family} name as an array, a plurality of birth as a word in {@code valueQuantity}); what the mapping needs is
 * checked by the mapping, with the FHIR path, and what it does not need must not refuse a registration.
 */
@ApplicationScoped
public class FhirBundles {

    /** Built once: a FhirContext scans the whole R4 model, which takes seconds. */
    private final FhirContext fhir = FhirContext.forR4Cached();

    /** The code system of our problem codes in an OperationOutcome, the prefix of a problem's {@code type}. */
    static final String PROBLEM_CODES = "urn:lifeevents:problem";

    /** Only to read the JSON OpenCRVS writes where FHIR has no room for it; see {@link Parsed#json}. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A bundle in HAPI's model, and the JSON it was read from, for the rare element that OpenCRVS writes in a form
     * HAPI drops (the plurality of a birth as a word in a decimal).
     */
    public record Parsed(Bundle bundle, JsonNode json) {
    }

    /** The bundle, or {@link Refusal#NOT_A_FHIR_BUNDLE} when the text is not FHIR JSON or not a Bundle. */
    public Parsed parse(String json) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw Refusal.NOT_A_FHIR_BUNDLE.exception("The body is not JSON.");
        }
        IBaseResource resource;
        try {
            // OpenCRVS writes codes R4 does not know (a name's use "en"): such a value is dropped, not a refusal.
            LenientErrorHandler lenient = new LenientErrorHandler(false).setErrorOnInvalidValue(false);
            IParser parser = fhir.newJsonParser().setParserErrorHandler(lenient);
            // The mapping resolves references itself, by fullUrl or by type and id, so ids stay as written.
            parser.setOverrideResourceIdWithBundleEntryFullUrl(false);
            resource = parser.parseResource(json);
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            throw Refusal.NOT_A_FHIR_BUNDLE.exception("The body is not FHIR R4 JSON: " + firstLine(e.getMessage()));
        }
        if (!(resource instanceof Bundle bundle)) {
            throw Refusal.NOT_A_FHIR_BUNDLE.exception("The body is a FHIR " + resource.fhirType() + ", not a Bundle.");
        }
        return new Parsed(bundle, tree);
    }

    /**
     * A refusal as a FHIR {@code OperationOutcome}, for a FHIR client that asks for one: one issue per field error, its
     * FHIR path as the issue's expression and our stable code as its details; without field errors, one issue with the
     * refusal's code.
     */
    public String outcome(ProblemException refusal, String correlationId) {
        OperationOutcome outcome = new OperationOutcome();
        if (refusal.errors().isEmpty()) {
            issue(outcome, type(refusal.status(), refusal.code()), refusal.code(), refusal.getMessage(), null);
        }
        for (Problem.FieldError error : refusal.errors()) {
            issue(outcome, error.code().endsWith("_missing") ? IssueType.REQUIRED : type(refusal.status(), error.code()),
                    error.code(), error.message(), error.field());
        }
        outcome.getIssueFirstRep().setDiagnostics(refusal.code() + "; correlation id " + correlationId);
        return fhir.newJsonParser().encodeResourceToString(outcome);
    }

    private static void issue(OperationOutcome outcome, IssueType type, String code, String text, String expression) {
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(type);
        issue.getDetails().setText(text).addCoding().setSystem(PROBLEM_CODES).setCode(code);
        if (expression != null) {
            issue.addExpression(expression);
        }
    }

    private static IssueType type(int status, String code) {
        if (status == 401 || status == 403) {
            return IssueType.SECURITY;
        }
        if (status == 409) {
            return IssueType.CONFLICT;
        }
        if (status == 422) {
            return IssueType.BUSINESSRULE;
        }
        return Refusal.NOT_A_FHIR_BUNDLE.code().equals(code) || Refusal.NOT_A_NOTIFICATION.code().equals(code)
                ? IssueType.STRUCTURE
                : IssueType.INVALID;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("unreadable");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
