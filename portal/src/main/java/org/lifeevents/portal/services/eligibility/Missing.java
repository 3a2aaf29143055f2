package org.lifeevents.portal.services.eligibility;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Something a decision waits for: a stable code and the service's words. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Missing(String code, String text) {
}
