package org.lifeevents.eligibility.decision;

import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.eligibility.cases.CaseworkerDecision;
import org.lifeevents.eligibility.facts.BirthFact;
import org.lifeevents.eligibility.facts.DeathFact;
import org.lifeevents.eligibility.facts.RegistrationEvent;

/**
 * The fact that makes money no longer owed, read from the facts as they stand, never from the event that happened to
 * start the evaluation: so a claim names the same cause whichever order the registry's events and the payment reports
 * arrived in. The most fundamental fact wins: a registration revoked (nothing was ever owed), then the death of the
 * child the money was for (owed to nobody), then the death of the person paid (owed to someone else), then a
 * caseworker's decision, then a correction.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class Causes {

    public static final String REVOKED = "REVOKED";
    public static final String CHILD_DIED = "CHILD_DIED";
    public static final String RECIPIENT_DIED = "RECIPIENT_DIED";
    public static final String CASEWORKER_DECISION = "CASEWORKER_DECISION";
    public static final String CORRECTION = "CORRECTION";
    public static final String NO_LONGER_OWED = "NO_LONGER_OWED";

    /** A cause: its code in the contract and the words an explanation gives it. */
    public record Cause(String code, String words) {
    }

    /**
     * Why the entitlement no longer owes {@code paidTo} the period starting on {@code periodStart} (null: the
     * entitlement as a whole, for a stop).
     */
    public Cause of(Entitlement entitlement, String paidTo, LocalDate periodStart) {
        String beneficiary = trim(entitlement.beneficiaryId);
        String source = entitlement.sourceRegistrationId;
        BirthFact birth = beneficiary == null ? null : BirthFact.findById(beneficiary);
        if (birth != null && birth.revokedAt != null) {
            return new Cause(REVOKED, "the birth registration " + birth.registrationId
                    + " was revoked (it was registered in error)");
        }
        DeathFact sourceDeath = source == null ? null
                : DeathFact.<DeathFact> find("registrationId", source).firstResult();
        if (sourceDeath != null && sourceDeath.revokedAt != null) {
            return new Cause(REVOKED, "the death registration " + source + " was revoked (it was registered in error)");
        }
        DeathFact childDeath = beneficiary == null || beneficiary.equals(trim(paidTo)) ? null
                : DeathFact.findById(beneficiary);
        if (diedBefore(childDeath, periodStart)) {
            return new Cause(CHILD_DIED, "the death of " + beneficiary + " on " + childDeath.dateOfDeath
                    + " was registered");
        }
        DeathFact recipientDeath = paidTo == null ? null : DeathFact.findById(trim(paidTo));
        if (diedBefore(recipientDeath, periodStart)) {
            return new Cause(RECIPIENT_DIED, "the death of " + trim(paidTo) + " on " + recipientDeath.dateOfDeath
                    + " was registered");
        }
        CaseworkerDecision caseworker = CaseworkerDecision.findById(entitlement.entitlementKey);
        if (caseworker != null) {
            return new Cause(CASEWORKER_DECISION, "a caseworker's decision (" + caseworker.reason + ")");
        }
        if (birth != null && birth.correctedAt != null) {
            RegistrationEvent correction = RegistrationEvent.<RegistrationEvent> find(
                    "kind = 'CORRECTION' and registrationId = ?1 order by receivedAt desc", birth.registrationId)
                    .firstResult();
            Object reason = correction == null || correction.details == null ? null : correction.details.get("reason");
            return new Cause(CORRECTION, "a correction of the birth registration " + birth.registrationId
                    + (reason == null ? "" : " (" + reason + ")"));
        }
        return new Cause(NO_LONGER_OWED, "a change of the facts");
    }

    /** A death not revoked, in a month before the period's (the month of death itself is still owed). */
    private static boolean diedBefore(DeathFact death, LocalDate periodStart) {
        return death != null && death.revokedAt == null && death.dateOfDeath != null
                && (periodStart == null || YearMonth.from(death.dateOfDeath).isBefore(YearMonth.from(periodStart)));
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
