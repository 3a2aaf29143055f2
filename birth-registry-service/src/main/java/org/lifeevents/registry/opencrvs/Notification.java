package org.lifeevents.registry.opencrvs;

import java.util.Map;

import org.lifeevents.registry.registration.BirthRegistrationRequest;
import org.lifeevents.registry.registration.DeathRegistrationRequest;

/**
 * An OpenCRVS registration read from its FHIR bundle into our own registration request, with the FHIR path each field
 * came from, so a refusal of the request names the place in the bundle.
 */
public sealed interface Notification {

    String trackingId();

    String registrationNumber();

    /** Request field (a dotted path as our errors name it) to the FHIR path it was read from. */
    Map<String, String> sources();

    /** The request to send through the registration write path. */
    Object request();

    /** A birth: {@code BIRTH_REGISTERED}. */
    record Birth(String trackingId, BirthRegistrationRequest request, Map<String, String> sources) implements Notification {
        @Override
        public String registrationNumber() {
            return request.registrationNumber();
        }
    }

    /** A death: {@code DEATH_REGISTERED}. */
    record Death(String trackingId, DeathRegistrationRequest request, Map<String, String> sources) implements Notification {
        @Override
        public String registrationNumber() {
            return request.registrationNumber();
        }
    }

    /** The FHIR path of a request field, or of the nearest enclosing field, or the bundle. */
    default String sourceOf(String field) {
        String candidate = field;
        while (true) {
            String path = sources().get(candidate);
            if (path != null) {
                return path;
            }
            int dot = candidate.lastIndexOf('.');
            if (dot < 0) {
                return "Bundle";
            }
            candidate = candidate.substring(0, dot);
        }
    }
}
