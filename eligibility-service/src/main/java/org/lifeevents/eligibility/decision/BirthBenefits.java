package org.lifeevents.eligibility.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.common.money.Cents;
import org.lifeevents.eligibility.intake.BirthFact;
import org.lifeevents.eligibility.intake.HouseholdFact;
import org.lifeevents.eligibility.intake.HouseholdSnapshot;
import org.lifeevents.eligibility.ruleset.ParameterTable;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The benefits a birth starts: the one-off BIRTH_GRANT, offered to the parent, and the monthly CHILD_ALLOWANCE,
 * granted once the child's household is known (it sets the sibling order).
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class BirthBenefits {

    static final String BIRTH_GRANT = "BIRTH_GRANT";
    static final String CHILD_ALLOWANCE = "CHILD_ALLOWANCE";
    static final String RULE_VERSION = "birth-benefits/1";

    @Inject
    ParameterTable parameters;

    @Inject
    EntitlementEvents events;

    @Inject
    ObjectMapper json;

    @Inject
    HouseholdLock householdLock;

    public void onBirth(BirthFact birth) {
        if (birth.householdId != null) {
            householdLock.lock(birth.householdId);
        }
        if (!Entitlement.exists(BIRTH_GRANT, birth.childId, birth.registrationId)) {
            offerBirthGrant(birth);
        }
        if (birth.householdId != null) {
            HouseholdFact household = HouseholdFact.findById(birth.householdId);
            if (household != null) {
                grantChildAllowance(birth, household);
            }
        }
    }

    /** A new household state may complete births that waited for it. */
    public void onHousehold(HouseholdFact household) {
        householdLock.lock(household.householdId);
        for (BirthFact birth : BirthFact.inHousehold(household.householdId)) {
            grantChildAllowance(birth, household);
        }
    }

    private void offerBirthGrant(BirthFact birth) {
        boolean multiple = birth.childrenInBirth >= 3;
        ParameterTable.Value perChild = parameters.valueOn(
                multiple ? "BIRTH_GRANT_PER_CHILD_MULTIPLE" : "BIRTH_GRANT_PER_CHILD", birth.birthDate);
        String recipient = birth.motherId != null ? birth.motherId : birth.fatherId;
        List<Explanation.Input> inputs = birthInputs(birth);
        String arithmetic = multiple
                ? birth.childrenInBirth + " children born in one birth, so " + Cents.format(perChild.value())
                        + " for this child"
                : "1 child × " + Cents.format(perChild.value()) + " = " + Cents.format(perChild.value());
        String text = "A birth grant of " + Cents.format(perChild.value()) + " for the child born on " + birth.birthDate
                + ". Confirm it and choose the account it is paid to.";
        decide(birth, BIRTH_GRANT, Entitlement.OFFERED, recipient, false,
                new Entitlement.Period(birth.birthDate, birth.birthDate, perChild.value(), recipient,
                        perChild.parameterVersion()),
                perChild, inputs, arithmetic, text);
    }

    private void grantChildAllowance(BirthFact birth, HouseholdFact household) {
        if (Entitlement.exists(CHILD_ALLOWANCE, birth.childId, birth.registrationId)) {
            return;
        }
        HouseholdSnapshot snapshot = household.snapshot(json);
        if (snapshot.member(birth.childId).isEmpty()) {
            return;
        }
        String recipient = birth.motherId != null ? birth.motherId : birth.fatherId;
        int ageLimit = (int) parameters.valueOn("CHILD_ALLOWANCE_AGE_LIMIT", birth.birthDate).value();
        int position = siblingPosition(snapshot, birth, ageLimit);
        ParameterTable.Value rate = parameters.valueOn(position <= 2 ? "CHILD_ALLOWANCE_FIRST_AND_SECOND"
                : "CHILD_ALLOWANCE_THIRD_AND_FURTHER", birth.birthDate);
        LocalDate from = birth.birthDate.withDayOfMonth(1);
        LocalDate until = birth.birthDate.plusYears(ageLimit).withDayOfMonth(1).plusMonths(1).minusDays(1);
        List<Explanation.Input> inputs = birthInputs(birth);
        inputs.add(new Explanation.Input("childrenInHousehold", String.valueOf(position),
                "population register (household " + household.householdId + ", version " + household.version + ")",
                household.receivedAt));
        String arithmetic = "child number " + position + " of the household by date of birth: "
                + Cents.format(rate.value()) + " a month from " + from + " through " + until;
        String text = "Child allowance of " + Cents.format(rate.value())
                + " a month, paid automatically, because this is child number "
                + position + " in your household.";
        decide(birth, CHILD_ALLOWANCE, Entitlement.GRANTED, recipient, true,
                new Entitlement.Period(from, until, rate.value(), recipient, rate.parameterVersion()), rate, inputs, arithmetic,
                text);
    }

    /** 1-based position of the child among the household's children under the age limit, by date of birth. */
    static int siblingPosition(HouseholdSnapshot snapshot, BirthFact birth, int ageLimit) {
        List<HouseholdSnapshot.Member> children = new ArrayList<>(snapshot.members().stream()
                .filter(m -> m.dateOfDeath() == null)
                .filter(m -> ChronoUnit.YEARS.between(m.birthDate(), birth.birthDate) < ageLimit)
                .filter(m -> !m.legalParentIds().isEmpty())
                .toList());
        children.sort(Comparator.comparing(HouseholdSnapshot.Member::birthDate)
                .thenComparingInt(HouseholdSnapshot.Member::birthOrder));
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i).personId().equals(birth.childId)) {
                return i + 1;
            }
        }
        return children.size() + 1;
    }

    private void decide(BirthFact birth, String benefit, String status, String recipient, boolean monthly,
            Entitlement.Period period, ParameterTable.Value parameter, List<Explanation.Input> inputs, String arithmetic,
            String citizenText) {
        Instant now = Instant.now();
        Entitlement entitlement = new Entitlement();
        entitlement.entitlementId = UUID.randomUUID();
        entitlement.benefit = benefit;
        entitlement.status = status;
        entitlement.recipientId = recipient;
        entitlement.beneficiaryId = birth.childId;
        entitlement.householdId = birth.householdId;
        entitlement.sourceRegistrationId = birth.registrationId;
        entitlement.monthly = monthly;
        entitlement.periods = List.of(period);
        entitlement.legalReference = parameter.legalReference();
        entitlement.correlationId = birth.correlationId;
        entitlement.version = 1;
        entitlement.createdAt = now;
        entitlement.updatedAt = now;

        Decision decision = new Decision();
        decision.decisionId = UUID.randomUUID();
        decision.entitlementId = entitlement.entitlementId;
        decision.benefit = benefit;
        decision.outcome = status;
        decision.citizenText = citizenText;
        decision.legalReference = parameter.legalReference();
        decision.ruleVersion = RULE_VERSION;
        decision.parameterVersion = parameter.parameterVersion();
        decision.correlationId = birth.correlationId;
        decision.decidedAt = now;
        decision.explanation = new Explanation(benefit, status, RULE_VERSION, parameter.parameterVersion(),
                parameter.legalReference(), inputs, List.of(parameter), null, arithmetic, citizenText);
        entitlement.decisionId = decision.decisionId;
        decision.persist();
        entitlement.persist();
        events.decided(entitlement, decision);
    }

    private static List<Explanation.Input> birthInputs(BirthFact birth) {
        String source = "civil registry (birth registration " + birth.registrationId + ")";
        List<Explanation.Input> inputs = new ArrayList<>();
        inputs.add(new Explanation.Input("child", birth.childId, source, birth.registeredAt));
        inputs.add(new Explanation.Input("birthDate", birth.birthDate.toString(), source, birth.registeredAt));
        Optional.ofNullable(birth.motherId)
                .ifPresent(id -> inputs.add(new Explanation.Input("mother", id, source, birth.registeredAt)));
        Optional.ofNullable(birth.fatherId)
                .ifPresent(id -> inputs.add(new Explanation.Input("father", id, source, birth.registeredAt)));
        inputs.add(new Explanation.Input("childrenInBirth", String.valueOf(birth.childrenInBirth), source, birth.registeredAt));
        return inputs;
    }
}
