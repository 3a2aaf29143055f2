package org.lifeevents.eligibility.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.lifeevents.eligibility.rules.HouseholdFacts.Confirmation;
import org.lifeevents.eligibility.rules.HouseholdFacts.Death;
import org.lifeevents.eligibility.rules.HouseholdFacts.Member;
import org.lifeevents.eligibility.ruleset.ParameterTable;
import org.lifeevents.eligibility.ruleset.Parameters;

/**
 * FUNERAL_GRANT: a one-off on any death (adult or child), offered to the spouse recorded in the population register,
 * else to the oldest adult member of the deceased's household; nobody eligible leaves it pending for a caseworker.
 * Nothing for a death before go-live.
 */
final class FuneralGrantRule {

    /** Who receives the grant and in what capacity. */
    record Recipient(String personId, String capacity) {
    }

    List<Draft> evaluate(Evaluation ev) {
        List<Draft> drafts = new ArrayList<>();
        for (Death death : ev.facts.deaths()) {
            if (!death.revoked() && Objects.equals(death.householdId(), ev.facts.householdId())) {
                drafts.add(grant(ev, death));
            }
        }
        return drafts;
    }

    private Draft grant(Evaluation ev, Death death) {
        Draft draft = new Draft(EntitlementKeys.funeralGrant(death.personId()), Benefit.FUNERAL_GRANT);
        String deceased = ev.name(death.personId());
        String source = "civil registry (death registration " + death.registrationId() + ")";
        draft.beneficiaryId = death.personId();
        draft.householdId = ev.facts.householdId();
        draft.sourceRegistrationId = death.registrationId();
        draft.correlationId = death.correlationId();
        draft.spanFrom = death.dateOfDeath();
        draft.spanUntil = death.dateOfDeath();
        draft.input("deceased", death.personId(), source, death.registeredAt());
        draft.input("dateOfDeath", death.dateOfDeath().toString(), source, death.registeredAt());
        if (death.spouseId() != null) {
            draft.input("spouse", death.spouseId(), source, death.registeredAt());
        }
        death.householdMembers().forEach(m -> draft.input("householdMember",
                m.personId() + " (born " + m.birthDate() + ", " + m.relation() + ")", source, death.registeredAt()));
        ParameterTable.Value adultAge = draft.use(ev.value(Parameters.ADULT_AGE, death.dateOfDeath()));
        Optional<Recipient> recipient = recipient(ev, death, adultAge.value());
        draft.recipientId = recipient.map(Recipient::personId).orElse(null);
        recipient.ifPresent(r -> draft.read(ev.householdRead(r.personId(), "household of " + deceased
                + " on the date of death, to find who receives the funeral grant")));

        if (death.dateOfDeath().isBefore(ev.parameters.goLive())) {
            draft.status = Status.REFUSED;
            draft.reference(ev.parameters.goLiveLegalReference());
            draft.arithmetic.add("died on " + death.dateOfDeath() + ", before the go-live date " + ev.parameters.goLive()
                    + ": no one-off benefit");
            draft.citizenText = "No funeral grant on the death of " + deceased + ": funeral grants are paid for deaths on"
                    + " or after " + Words.day(ev.parameters.goLive()) + ".";
            return draft;
        }
        ParameterTable.Value amount = draft.use(ev.value(Parameters.FUNERAL_GRANT, death.dateOfDeath()));
        if (recipient.isEmpty()) {
            draft.status = Status.PENDING;
            draft.missing(Missing.RECIPIENT, "The register records no spouse and no adult in the household of "
                    + deceased + "; a caseworker will find who may receive the funeral grant.");
            draft.arithmetic.add("no surviving spouse and no adult household member on " + death.dateOfDeath());
            draft.citizenText = "A funeral grant of " + Words.money(amount.value()) + " is owed on the death of "
                    + deceased + ", but nobody eligible to receive it is recorded; a caseworker will look at it.";
            return draft;
        }
        draft.periods = List.of(new Period(death.dateOfDeath(), death.dateOfDeath(), amount.value(),
                recipient.get().personId(), amount.id()));
        draft.arithmetic.add(recipient.get().personId() + " receives it as " + recipient.get().capacity() + ": "
                + Words.money(amount.value()));
        Optional<Confirmation> confirmed = ev.facts.confirmations().stream()
                .filter(c -> c.entitlementKey().equals(draft.key)).findFirst();
        String text = "A funeral grant of " + Words.money(amount.value()) + " on the death of " + deceased + " on "
                + Words.day(death.dateOfDeath()) + ", to you as " + recipient.get().capacity() + ".";
        if (confirmed.isPresent()) {
            draft.status = Status.GRANTED;
            draft.input("confirmation", "confirmed by " + confirmed.get().personId(), "citizen portal",
                    confirmed.get().confirmedAt());
            draft.citizenText = text + " You confirmed it; it is paid in the next daily payment run.";
        } else {
            draft.status = Status.OFFERED;
            draft.citizenText = text + " Confirm it to have it paid in the next daily payment run.";
        }
        return draft;
    }

    /** The surviving spouse, else the oldest adult who shared the household on the date of death. */
    static Optional<Recipient> recipient(Evaluation ev, Death death, long adultAge) {
        LocalDate day = death.dateOfDeath();
        String spouse = death.spouseId() != null ? death.spouseId()
                : ev.timeline.person(death.personId()).map(Member::spouseId).orElse(null);
        if (spouse != null && !spouse.equals(death.personId()) && ev.timeline.survived(spouse, day)) {
            return Optional.of(new Recipient(spouse, "the spouse"));
        }
        Map<String, LocalDate> members = new LinkedHashMap<>();
        death.householdMembers().forEach(m -> members.put(m.personId(), m.birthDate()));
        ev.timeline.membersOn(day).forEach(m -> members.putIfAbsent(m.personId(), m.birthDate()));
        members.remove(death.personId());
        return members.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().plusYears(adultAge).isAfter(day))
                .filter(e -> ev.timeline.survived(e.getKey(), day))
                .min(Map.Entry.<String, LocalDate> comparingByValue().thenComparing(Map.Entry::getKey))
                .map(e -> new Recipient(e.getKey(), "the oldest adult member of the household"));
    }
}
