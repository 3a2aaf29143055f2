package org.lifeevents.portal.services.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One payment to the citizen, with its bank reference (the pain.001 EndToEndId). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Payment(UUID paymentId, UUID entitlementId, String benefit, LocalDate periodStart, LocalDate periodEnd,
        Boolean topUp, Long grossCents, Long offsetCents, long amountCents, String status, String waitingFor,
        LocalDate dueDate, Instant sentAt, Instant settledAt, String reasonCode, String endToEndId) {
}
