package org.lifeevents.eligibility.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the rules say one entitlement should be now: for one benefit, beneficiary and source, its status, the periods
 * with amount and recipient, what it waits for, and its explanation. The reconciler compares it with what is stored.
 *
 * @param key stable identity: benefit, beneficiary and source (see {@link EntitlementKeys})
 * @param recipientId who is paid (the first period's recipient; for an offer, who is asked to confirm)
 * @param spanFrom first day the entitlement is about (also while pending, when there are no periods yet)
 * @param spanUntil last day the entitlement is about
 * @param parties who may see it: recipients and the beneficiary child's parents and guardians
 */
public record DesiredEntitlement(String key, Benefit benefit, Status status, String recipientId, String beneficiaryId,
        String householdId, String sourceRegistrationId, List<Period> periods, LocalDate spanFrom, LocalDate spanUntil,
        List<Missing> missing, String legalReference, String correlationId, String citizenText,
        Explanation explanation, List<DataRead> dataReads, Set<String> parties) {

    public DesiredEntitlement {
        periods = List.copyOf(periods);
        missing = List.copyOf(missing);
        dataReads = List.copyOf(dataReads);
        parties = Set.copyOf(parties);
    }

    /**
     * The fields a payment or a citizen relies on; a change in any of them is a new decision. (Where the facts came
     * from, such as the birth registration that later confirms a child known from the register, is not.)
     */
    public boolean sameOutcomeAs(Status otherStatus, String otherRecipient, String otherBeneficiary,
            List<Period> otherPeriods, List<String> otherMissingCodes, LocalDate otherSpanFrom, LocalDate otherSpanUntil) {
        return status == otherStatus && Objects.equals(recipientId, otherRecipient)
                && Objects.equals(beneficiaryId, otherBeneficiary) && periods.equals(otherPeriods)
                && missingCodes().equals(otherMissingCodes) && Objects.equals(spanFrom, otherSpanFrom)
                && Objects.equals(spanUntil, otherSpanUntil);
    }

    public List<String> missingCodes() {
        return missing.stream().map(Missing::code).toList();
    }
}
