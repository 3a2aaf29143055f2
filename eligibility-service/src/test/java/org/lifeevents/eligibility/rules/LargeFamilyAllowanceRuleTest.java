package org.lifeevents.eligibility.rules;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeevents.eligibility.rules.Entitlements.amountIn;
import static org.lifeevents.eligibility.rules.Entitlements.firstMonth;
import static org.lifeevents.eligibility.rules.Entitlements.lastMonth;
import static org.lifeevents.eligibility.rules.Entitlements.recipientIn;
import static org.lifeevents.eligibility.rules.Family.date;
import static org.lifeevents.eligibility.rules.Family.month;
import static org.lifeevents.eligibility.rules.Family.person;

/**
 * LARGE_FAMILY_ALLOWANCE: 300.00 EUR with 3 to 6 children owed child allowance, 450.00 EUR with 7 or more; counted on
 * the 1st; a birth that brings it about counts its month (on the birth date); a change of amount applies next month.
 */
class LargeFamilyAllowanceRuleTest {

    private final String mother = person("F", date("1980-03-13"));
    private final String father = person("M", date("1979-05-20"));

    private Family withChildren(String householdId, int count) {
        Family family = Family.household(householdId).adult(mother, "Kati", father).adult(father, "Jaan", mother);
        for (int i = 0; i < count; i++) {
            family.child(person("F", date("2012-02-01").plusYears(i)), "C" + i, mother, father);
        }
        return family.snapshot(date("2012-02-01"));
    }

    @ParameterizedTest(name = "{0} children: {1} cents")
    @CsvSource({ "2, 0", "3, 30000", "6, 30000", "7, 45000", "8, 45000" })
    void theAmountFollowsTheNumberOfChildrenOwedChildAllowance(int children, long amount) {
        Entitlements result = Entitlements.of(withChildren("H-LF-" + children, children));

        assertThat(result.find(EntitlementKeys.largeFamilyAllowance("H-LF-" + children))
                .map(e -> amountIn(e, month("2026-03"))).orElse(0L)).isEqualTo(amount);
    }

    @Test
    void aThirdChildBornMidMonthStartsItInTheMonthOfBirth() {
        String third = person("M", date("2026-04-20"));
        Family family = withChildren("H-LF-B3", 2).birth(third, date("2026-04-20"), mother, father);

        DesiredEntitlement allowance = Entitlements.of(family).get(EntitlementKeys.largeFamilyAllowance("H-LF-B3"));

        assertThat(firstMonth(allowance)).isEqualTo(month("2026-04"));
        assertThat(amountIn(allowance, month("2026-04"))).isEqualTo(30000);
        assertThat(allowance.correlationId()).isEqualTo("corr-birth-" + third);
        assertThat(recipientIn(allowance, month("2026-04"))).isEqualTo(mother);
    }

    @Test
    void aSeventhChildRaisesTheAmountFromTheNextMonth() {
        String seventh = person("F", date("2026-04-20"));
        Family family = withChildren("H-LF-B7", 6).birth(seventh, date("2026-04-20"), mother, father);

        DesiredEntitlement allowance = Entitlements.of(family).get(EntitlementKeys.largeFamilyAllowance("H-LF-B7"));

        assertThat(amountIn(allowance, month("2026-04"))).isEqualTo(30000);
        assertThat(amountIn(allowance, month("2026-05"))).isEqualTo(45000);
    }

    /** Three children; the eldest (born February 2012) turns 16 in February 2028, the last month counted as three. */
    @Test
    void itEndsWhenTooFewChildrenAreOwedChildAllowance() {
        DesiredEntitlement allowance = Entitlements.of(withChildren("H-LF-E", 3))
                .get(EntitlementKeys.largeFamilyAllowance("H-LF-E"));

        assertThat(firstMonth(allowance)).isEqualTo(month("2026-01"));
        assertThat(lastMonth(allowance)).isEqualTo(month("2028-02"));
    }

    @Test
    void itIsPaidToWhoeverReceivesTheEldestChildsBenefitsAndBothParentsSeeIt() {
        Family family = withChildren("H-LF-R", 3);
        LocalDate eldestBorn = date("2012-02-01");
        String eldest = family.facts().snapshots().get(0).members().stream()
                .filter(m -> m.birthDate().equals(eldestBorn)).findFirst().orElseThrow().personId();
        family.handover(eldest, mother, father, date("2026-09-01"));

        DesiredEntitlement allowance = Entitlements.of(family).get(EntitlementKeys.largeFamilyAllowance("H-LF-R"));

        assertThat(recipientIn(allowance, month("2026-08"))).isEqualTo(mother);
        assertThat(recipientIn(allowance, month("2026-09"))).isEqualTo(father);
        assertThat(allowance.parties()).contains(mother, father);
        assertThat(allowance.beneficiaryId()).isNull();
    }
}
