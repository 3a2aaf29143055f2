package org.lifeevents.eligibility.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.lifeevents.eligibility.rules.HouseholdFacts.Birth;
import org.lifeevents.eligibility.rules.HouseholdFacts.Confirmation;
import org.lifeevents.eligibility.rules.HouseholdFacts.Parent;
import org.lifeevents.eligibility.ruleset.ParameterTable;
import org.lifeevents.eligibility.ruleset.Parameters;

/**
 * BIRTH_GRANT: a one-off per child on birth registration, offered to the mother (else the father) to confirm; the
 * higher amount for each child when enough children are born in the same birth. Nothing for a birth before go-live.
 */
final class BirthGrantRule {

    List<Draft> evaluate(Evaluation ev) {
        List<Draft> drafts = new ArrayList<>();
        for (Birth birth : ev.facts.births()) {
            if (birth.revoked() || !Objects.equals(birth.householdId(), ev.facts.householdId())) {
                continue;
            }
            drafts.add(grant(ev, birth));
        }
        return drafts;
    }

    private Draft grant(Evaluation ev, Birth birth) {
        Draft draft = new Draft(EntitlementKeys.birthGrant(birth.childId()), Benefit.BIRTH_GRANT);
        String child = ev.name(birth.childId());
        draft.beneficiaryId = birth.childId();
        draft.householdId = ev.facts.householdId();
        draft.sourceRegistrationId = birth.registrationId();
        draft.correlationId = birth.correlationId();
        draft.spanFrom = birth.birthDate();
        draft.spanUntil = birth.birthDate();
        draft.parties.addAll(birth.parentIds());
        ev.birthInputs(draft, birth);
        Optional<String> recipient = recipient(birth);
        draft.recipientId = recipient.orElse(null);

        if (birth.birthDate().isBefore(ev.parameters.goLive())) {
            draft.status = Status.REFUSED;
            draft.reference(ev.parameters.goLiveLegalReference());
            draft.arithmetic.add("born on " + birth.birthDate() + ", before the go-live date " + ev.parameters.goLive()
                    + ": no one-off benefit");
            draft.citizenText = "No birth grant for " + child + ": birth grants are paid for children born on or after "
                    + Words.day(ev.parameters.goLive()) + ", and " + child + " was born on " + Words.day(birth.birthDate())
                    + ".";
            return draft;
        }
        ParameterTable.Value minChildren = draft
                .use(ev.value(Parameters.BIRTH_GRANT_MULTIPLE_BIRTH_MIN_CHILDREN, birth.birthDate()));
        boolean multiple = birth.childrenInBirth() >= minChildren.value();
        ParameterTable.Value perChild = draft.use(ev.value(
                multiple ? Parameters.BIRTH_GRANT_PER_CHILD_MULTIPLE : Parameters.BIRTH_GRANT_PER_CHILD, birth.birthDate()));
        draft.arithmetic.add(birth.childrenInBirth() + (birth.childrenInBirth() == 1 ? " child" : " children")
                + " born in this birth (higher grant from " + minChildren.value() + "), so "
                + Words.money(perChild.value()) + " for this child");
        if (recipient.isEmpty()) {
            draft.status = Status.PENDING;
            draft.missing(Missing.RESIDENT_PARENT, "The birth record names no parent recorded in the population "
                    + "register, so we cannot tell whom to pay; a caseworker will look at it.");
            draft.citizenText = "A birth grant of " + Words.money(perChild.value()) + " for " + child
                    + " is waiting for a parent recorded in the population register.";
            return draft;
        }
        draft.periods = List.of(new Period(birth.birthDate(), birth.birthDate(), perChild.value(), recipient.get(),
                perChild.id()));
        Optional<Confirmation> confirmed = ev.facts.confirmations().stream()
                .filter(c -> c.entitlementKey().equals(draft.key)).findFirst();
        String amount = "A birth grant of " + Words.money(perChild.value()) + " for " + child + ", born on "
                + Words.day(birth.birthDate()) + (multiple ? " (" + birth.childrenInBirth()
                        + " children were born in the same birth, so each gets the higher grant)" : "")
                + ".";
        if (confirmed.isPresent()) {
            draft.status = Status.GRANTED;
            draft.input("confirmation", "confirmed by " + confirmed.get().personId(), "citizen portal",
                    confirmed.get().confirmedAt());
            draft.citizenText = amount + " You confirmed it; it is paid in the next daily payment run.";
        } else {
            draft.status = Status.OFFERED;
            draft.citizenText = amount + " Confirm it in one click; it is paid in the next daily payment run after you "
                    + "confirm, to your payout account.";
        }
        return draft;
    }

    /** The mother, else the father: whoever the record names with a person id in the population register. */
    static Optional<String> recipient(Birth birth) {
        for (Parent parent : new Parent[] { birth.mother(), birth.father() }) {
            if (parent != null && parent.personId() != null && parent.inPopulationRegister()) {
                return Optional.of(parent.personId());
            }
        }
        return Optional.empty();
    }
}
