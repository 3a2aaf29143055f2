package org.lifeevents.portal.services.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An offer or automatic grant as the eligibility service answers {@code GET /me/offers}: what, for whom, how much, for
 * which months, first paid when, what is missing, and why. Fields the service does not send stay null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Offer(UUID entitlementId, String benefit, String status, String recipientId, String beneficiaryId,
        String beneficiaryName, String householdId, Long amountCents, Boolean monthly, LocalDate periodFrom,
        LocalDate periodUntil, List<OfferPeriod> periods, LocalDate firstPaymentDate, List<Missing> missing,
        Boolean canConfirm, String confirmedBy, String legalReference, String citizenText, Explanation explanation) {

    public Offer {
        periods = periods == null ? List.of() : periods;
        missing = missing == null ? List.of() : missing;
    }

    public boolean isMonthly() {
        return Boolean.TRUE.equals(monthly);
    }

    /** Whether the person asking may confirm it now; older services only say the status. */
    public boolean confirmable() {
        return canConfirm != null ? canConfirm : "OFFERED".equals(status);
    }

    /** A run of months (or a one-off day) with its amount and recipient. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OfferPeriod(LocalDate from, LocalDate until, Long amountCents, String recipientId) {
    }
}
