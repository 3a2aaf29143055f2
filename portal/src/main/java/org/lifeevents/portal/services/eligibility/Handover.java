package org.lifeevents.portal.services.eligibility;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The outcome of handing a child's monthly benefits to the other parent. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Handover(String childId, String fromPersonId, String toPersonId, LocalDate effectiveFrom, String text) {

    /** The request: the other legal parent who receives the monthly benefits from the 1st of next month. */
    public record Request(String recipientId) {
    }
}
