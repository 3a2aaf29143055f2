package org.lifeevents.eligibility.rules;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.lifeevents.eligibility.ruleset.ParameterTable;
import org.lifeevents.eligibility.ruleset.Rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeevents.eligibility.rules.Entitlements.amountIn;
import static org.lifeevents.eligibility.rules.Family.date;
import static org.lifeevents.eligibility.rules.Family.month;
import static org.lifeevents.eligibility.rules.Family.person;

/** Every payment period uses the parameter values in force in that period. */
class EffectiveDatingTest {

    private final String mother = person("F", date("1990-01-01"));
    private final String child = person("F", date("2026-03-02"));

    @Test
    void aRaiseFromJanuary2027SplitsTheChildAllowanceIntoTwoPeriods() throws IOException {
        ParameterTable raised = Rulesets.withValue("CHILD_ALLOWANCE_FIRST_AND_SECOND", "2027-01-01", 9000);
        Family family = Family.household("H-ED-1").adult(mother, "Kati").snapshot(date("2020-01-01"))
                .birth(child, date("2026-03-02"), mother, null).parameters(raised);

        DesiredEntitlement allowance = Entitlements.of(family).get(EntitlementKeys.childAllowance(child, "H-ED-1"));

        assertThat(amountIn(allowance, month("2026-12"))).isEqualTo(8000);
        assertThat(amountIn(allowance, month("2027-01"))).isEqualTo(9000);
        assertThat(allowance.periods()).extracting(Period::parameterVersion).containsExactly(
                "CHILD_ALLOWANCE_FIRST_AND_SECOND@2025-01-01", "CHILD_ALLOWANCE_FIRST_AND_SECOND@2027-01-01");
        assertThat(allowance.explanation().parameters()).extracting(ParameterTable.Value::id)
                .contains("CHILD_ALLOWANCE_FIRST_AND_SECOND@2025-01-01", "CHILD_ALLOWANCE_FIRST_AND_SECOND@2027-01-01");
    }

    @Test
    void aNewParentalBenefitFloorAppliesFromItsMonthWithinThe15Months() throws IOException {
        ParameterTable raised = Rulesets.withValue("PARENTAL_BENEFIT_FLOOR", "2026-09-01", 90000);
        Family family = Family.household("H-ED-2").adult(mother, "Kati").snapshot(date("2020-01-01"))
                .birth(child, date("2026-03-02"), mother, null).income(mother, 2025, 0).parameters(raised);

        DesiredEntitlement benefit = Entitlements.of(family).get(EntitlementKeys.parentalBenefit(mother, date("2026-03-02")));

        assertThat(amountIn(benefit, month("2026-08"))).isEqualTo(82000);
        assertThat(amountIn(benefit, month("2026-09"))).isEqualTo(90000);
    }

    /** Changing a figure that does not apply leaves every period (and so every decision) as it was. */
    @Test
    void anUnrelatedChangeLeavesThePeriodsIdentical() throws IOException {
        ParameterTable other = Rulesets.withValue("FUNERAL_GRANT", "2027-01-01", 30000);
        Family family = Family.household("H-ED-3").adult(mother, "Kati").snapshot(date("2020-01-01"))
                .birth(child, date("2026-03-02"), mother, null);

        DesiredEntitlement before = Entitlements.of(family).get(EntitlementKeys.childAllowance(child, "H-ED-3"));
        DesiredEntitlement after = Entitlements.of(family.parameters(other))
                .get(EntitlementKeys.childAllowance(child, "H-ED-3"));

        assertThat(after.periods()).isEqualTo(before.periods());
    }
}
