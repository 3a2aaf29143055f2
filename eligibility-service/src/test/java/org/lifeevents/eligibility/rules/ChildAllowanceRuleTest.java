package org.lifeevents.eligibility.rules;

import java.time.LocalDate;
import java.time.YearMonth;

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
 * CHILD_ALLOWANCE: month of birth through the month of the 16th birthday; 80.00 EUR for the 1st and 2nd child,
 * 100.00 EUR from the 3rd, by date of birth then order in a multiple birth, among children owed it; a further child
 * changes amounts from the next month; ends with the month of the child's death; go-live.
 */
class ChildAllowanceRuleTest {

    private final String mother = person("F", date("1985-03-13"));
    private final String father = person("M", date("1984-05-20"));

    private Family parents(String householdId) {
        return Family.household(householdId).adult(mother, "Kati", father).adult(father, "Jaan", mother)
                .snapshot(date("2010-01-01"));
    }

    @Test
    void aFirstChildIsOwedFromTheMonthOfBirthThroughTheMonthOfThe16thBirthday() {
        String child = person("F", date("2026-03-02"));
        DesiredEntitlement allowance = Entitlements.of(parents("H-CA-1").birth(child, date("2026-03-02"), mother, father))
                .get(EntitlementKeys.childAllowance(child, "H-CA-1"));

        assertThat(allowance.status()).isEqualTo(Status.GRANTED);
        assertThat(allowance.periods()).containsExactly(new Period(date("2026-03-01"), date("2042-03-31"), 8000, mother,
                "CHILD_ALLOWANCE_FIRST_AND_SECOND@2025-01-01"));
        assertThat(allowance.recipientId()).isEqualTo(mother);
        assertThat(allowance.parties()).contains(mother, father);
        assertThat(allowance.citizenText()).contains("80.00 EUR a month from March 2026 through March 2042");
    }

    /** Born on the last day of a month or on the 1st: the month of birth counts either way. */
    @ParameterizedTest(name = "born {0}: first month {1}, last month {2}")
    @CsvSource({ "2026-01-31, 2026-01, 2042-01", "2026-02-01, 2026-02, 2042-02", "2026-12-31, 2026-12, 2042-12" })
    void theMonthOfBirthAndTheMonthOfThe16thBirthdayBothCount(LocalDate born, YearMonth first, YearMonth last) {
        String child = person("M", born);
        DesiredEntitlement allowance = Entitlements.of(parents("H-CA-B").birth(child, born, mother, father))
                .get(EntitlementKeys.childAllowance(child, "H-CA-B"));

        assertThat(firstMonth(allowance)).isEqualTo(first);
        assertThat(lastMonth(allowance)).isEqualTo(last);
    }

    /** Siblings ordered by date of birth; the third and each further child get the higher rate. */
    @ParameterizedTest(name = "child no. {0}: {1} cents in March 2026")
    @CsvSource({ "1, 8000", "2, 8000", "3, 10000", "4, 10000", "7, 10000" })
    void theRateFollowsThePlaceInTheSiblingOrder(int place, long amount) {
        Family family = parents("H-CA-O" + place);
        String[] children = new String[place];
        for (int i = 0; i < place; i++) {
            children[i] = person(i % 2 == 0 ? "F" : "M", date("2012-01-10").plusYears(i));
            family.child(children[i], "C" + i, mother, father);
        }
        family.snapshot(date("2025-01-01"));

        DesiredEntitlement allowance = Entitlements.of(family)
                .get(EntitlementKeys.childAllowance(children[place - 1], "H-CA-O" + place));

        assertThat(amountIn(allowance, month("2026-03"))).isEqualTo(amount);
    }

    @Test
    void aThirdChildBornMidMonthGetsTheHigherRateFromItsBirthMonthAndTheOlderOnesKeepTheirs() {
        String first = person("F", date("2018-05-05"));
        String second = person("M", date("2021-07-07"));
        String third = person("F", date("2026-03-15"));
        Family family = parents("H-CA-3").child(first, "A", mother, father).child(second, "B", mother, father)
                .snapshot(date("2022-01-01")).birth(third, date("2026-03-15"), mother, father);

        Entitlements result = Entitlements.of(family);

        assertThat(amountIn(result.get(EntitlementKeys.childAllowance(third, "H-CA-3")), month("2026-03"))).isEqualTo(10000);
        assertThat(amountIn(result.get(EntitlementKeys.childAllowance(first, "H-CA-3")), month("2026-03"))).isEqualTo(8000);
        assertThat(amountIn(result.get(EntitlementKeys.childAllowance(second, "H-CA-3")), month("2026-04")))
                .isEqualTo(8000);
    }

    /** Twins as 2nd and 3rd child: the one born first (birth order 1) is 2nd. */
    @Test
    void twinsAreOrderedByTheirOrderWithinTheBirth() {
        String eldest = person("F", date("2020-02-02"));
        String twin1 = person("M", date("2026-05-10"));
        String twin2 = person("M", date("2026-05-10"));
        Family family = parents("H-CA-T").child(eldest, "E", mother, father).snapshot(date("2021-01-01"))
                .multipleBirth(date("2026-05-10"), mother, father, twin1, twin2);

        Entitlements result = Entitlements.of(family);

        assertThat(amountIn(result.get(EntitlementKeys.childAllowance(twin1, "H-CA-T")), month("2026-05"))).isEqualTo(8000);
        assertThat(amountIn(result.get(EntitlementKeys.childAllowance(twin2, "H-CA-T")), month("2026-05")))
                .isEqualTo(10000);
    }

    @Test
    void tripletsAsFirstChildrenGetTwoBasicAndOneHigherRate() {
        String a = person("F", date("2026-06-01"));
        String b = person("F", date("2026-06-01"));
        String c = person("F", date("2026-06-01"));
        Entitlements result = Entitlements.of(parents("H-CA-TR").multipleBirth(date("2026-06-01"), mother, father, a, b, c));

        assertThat(amountIn(result.get(EntitlementKeys.childAllowance(a, "H-CA-TR")), month("2026-06"))).isEqualTo(8000);
        assertThat(amountIn(result.get(EntitlementKeys.childAllowance(b, "H-CA-TR")), month("2026-06"))).isEqualTo(8000);
        assertThat(amountIn(result.get(EntitlementKeys.childAllowance(c, "H-CA-TR")), month("2026-06"))).isEqualTo(10000);
    }

    /** When the eldest passes the month of the 16th birthday, the third child moves up to 2nd from the next month. */
    @Test
    void theEldestsSixteenthBirthdayMonthIsTheLastItCountsIn() {
        String eldest = person("F", date("2011-05-20"));
        String second = person("M", date("2015-01-01"));
        String third = person("F", date("2019-09-09"));
        Family family = parents("H-CA-16").child(eldest, "E", mother, father).child(second, "S", mother, father)
                .child(third, "T", mother, father).snapshot(date("2020-01-01"));

        Entitlements result = Entitlements.of(family);
        DesiredEntitlement eldestAllowance = result.get(EntitlementKeys.childAllowance(eldest, "H-CA-16"));
        DesiredEntitlement thirdAllowance = result.get(EntitlementKeys.childAllowance(third, "H-CA-16"));

        assertThat(lastMonth(eldestAllowance)).isEqualTo(month("2027-05"));
        assertThat(amountIn(thirdAllowance, month("2027-05"))).isEqualTo(10000);
        assertThat(amountIn(thirdAllowance, month("2027-06"))).isEqualTo(8000);
        assertThat(thirdAllowance.periods()).hasSize(2);
    }

    /** Children already in the register at go-live are owed from the go-live month, not before. */
    @Test
    void childrenBornBeforeGoLiveAreOwedFromTheGoLiveMonth() {
        String child = person("M", date("2019-06-11"));
        DesiredEntitlement allowance = Entitlements.of(parents("H-CA-GL").child(child, "Mia", mother)
                .snapshot(date("2019-06-11"))).get(EntitlementKeys.childAllowance(child, "H-CA-GL"));

        assertThat(firstMonth(allowance)).isEqualTo(month("2026-01"));
        assertThat(lastMonth(allowance)).isEqualTo(month("2035-06"));
    }

    @Test
    void aChildsDeathEndsItsAllowanceWithTheMonthOfDeathAndSiblingsMoveUpTheMonthAfter() {
        String first = person("F", date("2016-01-01"));
        String second = person("M", date("2018-01-01"));
        String third = person("F", date("2020-01-01"));
        Family family = parents("H-CA-D").child(first, "A", mother, father).child(second, "B", mother, father)
                .child(third, "C", mother, father).snapshot(date("2020-01-01")).death(first, date("2026-05-10"));

        Entitlements result = Entitlements.of(family);

        assertThat(lastMonth(result.get(EntitlementKeys.childAllowance(first, "H-CA-D")))).isEqualTo(month("2026-05"));
        DesiredEntitlement thirdAllowance = result.get(EntitlementKeys.childAllowance(third, "H-CA-D"));
        assertThat(amountIn(thirdAllowance, month("2026-05"))).isEqualTo(10000);
        assertThat(amountIn(thirdAllowance, month("2026-06"))).isEqualTo(8000);
    }

    @Test
    void aHandoverToTheOtherParentTakesEffectFromItsMonthAndIsExplained() {
        String child = person("F", date("2026-03-02"));
        Family family = parents("H-CA-H").birth(child, date("2026-03-02"), mother, father)
                .handover(child, mother, father, date("2026-12-01"));

        DesiredEntitlement allowance = Entitlements.of(family).get(EntitlementKeys.childAllowance(child, "H-CA-H"));

        assertThat(recipientIn(allowance, month("2026-11"))).isEqualTo(mother);
        assertThat(recipientIn(allowance, month("2026-12"))).isEqualTo(father);
        assertThat(allowance.citizenText()).contains("From December 2026 the monthly benefits are paid to Jaan");
        assertThat(allowance.explanation().inputs()).anyMatch(i -> i.name().equals("monthlyRecipientHandover"));
    }

    /** The mother is paid through the month of her death (her estate); the father from the month after. */
    @Test
    void whenTheMotherDiesTheFatherReceivesFromTheNextMonth() {
        String child = person("F", date("2026-02-02"));
        Family family = parents("H-CA-MD").birth(child, date("2026-02-02"), mother, father)
                .death(mother, date("2026-07-15"));

        DesiredEntitlement allowance = Entitlements.of(family).get(EntitlementKeys.childAllowance(child, "H-CA-MD"));

        assertThat(recipientIn(allowance, month("2026-07"))).isEqualTo(mother);
        assertThat(recipientIn(allowance, month("2026-08"))).isEqualTo(father);
    }

    @Test
    void aChildWithNobodyToPayWaits() {
        String guardianless = person("M", date("2020-03-03"));
        Family family = Family.household("H-CA-N").child(guardianless, "Lone").snapshot(date("2021-01-01"));

        DesiredEntitlement allowance = Entitlements.of(family).get(EntitlementKeys.childAllowance(guardianless, "H-CA-N"));

        assertThat(allowance.status()).isEqualTo(Status.PENDING);
        assertThat(allowance.missingCodes()).containsExactly(Missing.RECIPIENT);
        assertThat(allowance.periods()).isEmpty();
    }

    @Test
    void aGuardianReceivesWhenThereIsNoParent() {
        String guardian = person("F", date("1960-01-01"));
        String child = person("M", date("2020-03-03"));
        Family family = Family.household("H-CA-G").adult(guardian, "Helgi").childWithGuardian(child, "Ott", guardian)
                .snapshot(date("2021-01-01"));

        assertThat(Entitlements.of(family).get(EntitlementKeys.childAllowance(child, "H-CA-G")).recipientId())
                .isEqualTo(guardian);
    }

    /** A child who moves out is owed by the old household through the month of the move, by the new from the next. */
    @Test
    void aChildWhoLeavesIsNoLongerOwedByThisHouseholdFromTheMonthAfter() {
        String child = person("F", date("2015-01-01"));
        Family family = parents("H-CA-M").child(child, "Ann", mother, father).snapshot(date("2015-01-01"))
                .without(child).snapshot(date("2026-06-15"));

        DesiredEntitlement allowance = Entitlements.of(family).get(EntitlementKeys.childAllowance(child, "H-CA-M"));

        assertThat(lastMonth(allowance)).isEqualTo(month("2026-06"));
    }
}
