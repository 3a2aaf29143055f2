package org.lifeevents.eligibility.offer;

import java.time.LocalDate;
import java.util.UUID;

import org.lifeevents.common.money.Cents;
import org.lifeevents.eligibility.decision.Decision;
import org.lifeevents.eligibility.decision.Entitlement;
import org.lifeevents.eligibility.decision.Explanation;

/** An offer or grant as the citizen sees it: what, how much, for when, first paid when, and why. */
public record OfferView(UUID entitlementId, String benefit, String status, String recipientId, String beneficiaryId,
        long amountCents, String amount, boolean monthly, LocalDate periodFrom, LocalDate periodUntil,
        LocalDate firstPaymentDate, String legalReference, Explanation explanation) {

    static OfferView of(Entitlement entitlement, Decision decision) {
        Entitlement.Period first = entitlement.periods.get(0);
        Entitlement.Period last = entitlement.periods.get(entitlement.periods.size() - 1);
        return new OfferView(entitlement.entitlementId, entitlement.benefit, entitlement.status, entitlement.recipientId,
                entitlement.beneficiaryId, first.amountCents(), Cents.format(first.amountCents()), entitlement.monthly,
                first.fromDate(), last.untilDate(), firstPaymentDate(entitlement, first, LocalDate.now()),
                entitlement.legalReference, decision.explanation);
    }

    /**
     * Monthly benefits are paid in arrears on the 10th of the next month; a one-off in the next daily run after it is
     * confirmed. Null while an offer waits for confirmation.
     */
    static LocalDate firstPaymentDate(Entitlement entitlement, Entitlement.Period first, LocalDate today) {
        if (Entitlement.OFFERED.equals(entitlement.status)) {
            return null;
        }
        if (!entitlement.monthly) {
            return today.plusDays(1);
        }
        LocalDate due = first.fromDate().withDayOfMonth(1).plusMonths(1).withDayOfMonth(10);
        return due.isBefore(today) ? today.plusDays(1) : due;
    }
}
