package org.lifeevents.eligibility.offer;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeevents.eligibility.rules.Explanation;
import org.lifeevents.eligibility.rules.Missing;

/**
 * An offer or grant as the citizen sees it: what, for whom, how much, for which months, first paid when, what is
 * still missing, and why.
 *
 * @param amountCents the amount of the first period (a month's amount for a monthly benefit); null while undecided
 * @param firstPaymentDate when the first payment is due; null while it waits for a confirmation, data or an account
 * @param canConfirm whether the person asking can confirm it now
 */
@Schema(description = "An offer or automatic grant with its amount, period, first payment date and explanation")
public record OfferView(UUID entitlementId, String benefit, String status, String recipientId, String beneficiaryId,
        String beneficiaryName, String householdId, Long amountCents, String amount, boolean monthly,
        LocalDate periodFrom, LocalDate periodUntil, List<PeriodView> periods, LocalDate firstPaymentDate,
        List<Missing> missing, boolean canConfirm, String confirmedBy, String legalReference, String citizenText,
        UUID decisionId, long version, Explanation explanation) {

    /** A run of months (or a one-off day) with its amount and recipient. */
    public record PeriodView(LocalDate from, LocalDate until, long amountCents, String amount, String recipientId) {
    }
}
