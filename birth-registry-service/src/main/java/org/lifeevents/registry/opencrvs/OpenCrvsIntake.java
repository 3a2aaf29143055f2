package org.lifeevents.registry.opencrvs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lifeevents.common.problem.Problem;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.registry.registration.BirthRegistrationService;
import org.lifeevents.registry.registration.CorrectionReceipt;
import org.lifeevents.registry.registration.CorrectionRequest;
import org.lifeevents.registry.registration.CorrectionService;
import org.lifeevents.registry.registration.DeathRegistrationService;
import org.lifeevents.registry.registration.RegistrationReceipt;
import org.lifeevents.registry.write.BodyDifferences;
import org.lifeevents.registry.write.WriteContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns OpenCRVS notifications into registrations through the registry's own write path: the same checks, the same
 * idempotency on the registration number, the same outbox events as {@code POST /registrations/births} and
 * {@code /deaths}. A notification that changed under a registration number already applied becomes a correction of it.
 */
@ApplicationScoped
public class OpenCrvsIntake {

    /** The topics OpenCRVS's webhooks service announces ({@code TRIGGERS} in packages/webhooks/src/model/webhook.ts). */
    static final Map<String, String> TOPICS = Map.of("BIRTH_REGISTERED", NotificationMapper.BIRTH, "DEATH_REGISTERED",
            NotificationMapper.DEATH);
    private static final String NUMBER_REUSED = "registration_number_reused";
    private static final String CORRECTION_REASON = "formal_correction";

    @Inject
    OpenCrvsConfig config;

    @Inject
    FhirBundles bundles;

    @Inject
    BirthRegistrationService births;

    @Inject
    DeathRegistrationService deaths;

    @Inject
    CorrectionService corrections;

    @Inject
    ObjectMapper json;

    private NotificationMapper mapper;

    @PostConstruct
    void init() {
        mapper = new NotificationMapper(config.personIdTypes());
    }

    /**
     * A webhook call as OpenCRVS sends it: the signature is checked against the raw body before anything in it is
     * read, then the envelope's topic and its first context bundle are applied.
     */
    public OpenCrvsReceipt webhook(String body, String signature, WriteContext context) {
        String secret = config.webhookSecret().filter(s -> !s.isBlank())
                .orElseThrow(Refusal.WEBHOOK_NOT_CONFIGURED::exception);
        if (signature == null || signature.isBlank()) {
            throw Refusal.SIGNATURE_MISSING.exception();
        }
        if (!WebhookSignature.matches(secret, body, signature)) {
            throw Refusal.SIGNATURE_INVALID.exception();
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw Refusal.NOT_A_NOTIFICATION.exception("The body is not JSON.");
        }
        JsonNode topic = envelope == null ? null : envelope.at("/event/hub/topic");
        JsonNode context0 = envelope == null ? null : envelope.at("/event/context/0");
        if (topic == null || !topic.isTextual() || context0 == null || !context0.isObject()) {
            throw Refusal.NOT_A_NOTIFICATION.exception(
                    "The body has no event.hub.topic and event.context[0], as OpenCRVS's webhook envelope has.");
        }
        String eventType = TOPICS.get(topic.asText());
        if (eventType == null) {
            throw Refusal.UNKNOWN_EVENT_TYPE.exception("The topic " + topic.asText()
                    + " is not one this registry takes; it takes " + String.join(" and ", TOPICS.keySet()) + ".");
        }
        return apply(bundles.parse(context0.toString()), eventType, context);
    }

    /** A registry client's bundle posted on its own: its Task says whether it is a birth or a death. */
    public OpenCrvsReceipt bundle(String body, WriteContext context) {
        return apply(bundles.parse(body == null ? "" : body), null, context);
    }

    private OpenCrvsReceipt apply(FhirBundles.Parsed bundle, String expectedType, WriteContext context) {
        Notification notification = mapper.map(bundle, expectedType);
        String type = notification instanceof Notification.Birth ? NotificationMapper.BIRTH : NotificationMapper.DEATH;
        try {
            RegistrationReceipt receipt = notification instanceof Notification.Birth birth
                    ? births.register(birth.request(), context)
                    : deaths.register(((Notification.Death) notification).request(), context);
            return new OpenCrvsReceipt(type, notification.trackingId(), notification.registrationNumber(),
                    OpenCrvsReceipt.REGISTERED, receipt, null);
        } catch (ProblemException e) {
            if (NUMBER_REUSED.equals(e.code())) {
                return correct(notification, type, e, context);
            }
            throw atFhirPaths(notification, e, "");
        }
    }

    /**
     * The fields that differ from the first notification under this number, with their values now, as one correction.
     * Its number is derived from the number and the changes, so a redelivery of the same changed notification is the
     * same correction again, answered from the first time.
     */
    private OpenCrvsReceipt correct(Notification notification, String type, ProblemException reused,
            WriteContext context) {
        JsonNode now = json.valueToTree(notification.request());
        ObjectNode changes = json.createObjectNode();
        reused.errors().stream()
                .filter(error -> BodyDifferences.CODE.equals(error.code()))
                .map(error -> error.field().split("\\.")[0])
                .distinct()
                .sorted()
                .forEach(field -> changes.set(field, now.hasNonNull(field) ? now.get(field) : NullNode.getInstance()));
        String correctionNumber = "OCRVS-" + digest(notification.registrationNumber() + changes).substring(0, 24);
        CorrectionRequest request = new CorrectionRequest(correctionNumber, CORRECTION_REASON, null,
                config.correctedBy(), changes);
        try {
            CorrectionReceipt receipt = corrections.correct(notification.registrationNumber(), request, context);
            return new OpenCrvsReceipt(type, notification.trackingId(), notification.registrationNumber(),
                    OpenCrvsReceipt.CORRECTED, null, receipt);
        } catch (ProblemException e) {
            throw atFhirPaths(notification, e, "changes.");
        }
    }

    /** The same refusal, its field errors named by the FHIR path each field was read from. */
    private static ProblemException atFhirPaths(Notification notification, ProblemException e, String prefix) {
        if (e.errors().isEmpty()) {
            return e;
        }
        List<Problem.FieldError> errors = e.errors().stream().map(error -> {
            String field = error.field().startsWith(prefix) ? error.field().substring(prefix.length()) : error.field();
            return new Problem.FieldError(notification.sourceOf(field), error.code(), field + " " + error.message());
        }).toList();
        return new ProblemException(e.status(), e.code(), e.title(), e.getMessage(), errors);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
