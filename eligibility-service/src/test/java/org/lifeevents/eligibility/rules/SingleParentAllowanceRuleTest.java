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
import static org.lifeevents.eligibility.rules.Family.date;
import static org.lifeevents.eligibility.rules.Family.month;
import static org.lifeevents.eligibility.rules.Family.person;

/** SINGLE_PARENT_ALLOWANCE: one parent on the birth record, the child living in that parent's household. */
class SingleParentAllowanceRuleTest {

    private final String mother = person("F", date("1990-08-01"));
    private final String father = person("M", date("1988-01-01"));

    @Test
    void aChildWithOneParentOnTheBirthRecordLivingWithHerIsOwedIt() {
        String child = person("F", date("2026-03-02"));
        Family family = Family.household("H-SP-1").adult(mother, "Liis").snapshot(date("2019-01-01"))
                .birth(child, date("2026-03-02"), mother, null);

        DesiredEntitlement allowance = Entitlements.of(family).get(EntitlementKeys.singleParentAllowance(child, "H-SP-1"));

        assertThat(allowance.status()).isEqualTo(Status.GRANTED);
        assertThat(allowance.recipientId()).isEqualTo(mother);
        assertThat(amountIn(allowance, month("2026-03"))).isEqualTo(8000);
        assertThat(lastMonth(allowance)).isEqualTo(month("2042-03"));
        assertThat(allowance.legalReference()).contains("§ 6");
    }

    @Test
    void aChildWithTwoParentsOnTheBirthRecordIsNot() {
        String child = person("F", date("2026-03-02"));
        Family family = Family.household("H-SP-2").adult(mother, "Liis").snapshot(date("2019-01-01"))
                .birth(child, date("2026-03-02"), mother, father);

        assertThat(Entitlements.of(family).of(Benefit.SINGLE_PARENT_ALLOWANCE)).isEmpty();
    }

    /** The child lives with someone else, not with the one parent on the record. */
    @Test
    void aChildNotLivingWithThatParentIsNot() {
        String grandmother = person("F", date("1960-01-01"));
        String child = person("M", date("2020-01-01"));
        Family family = Family.household("H-SP-3").adult(grandmother, "Helgi").child(child, "Ott", mother)
                .snapshot(date("2021-01-01"));

        assertThat(Entitlements.of(family).of(Benefit.SINGLE_PARENT_ALLOWANCE)).isEmpty();
    }

    /** Children in the register at go-live (no birth record): the register's one legal parent counts. */
    @Test
    void registeredChildrenWithOneLegalParentAreOwedFromGoLive() {
        String mia = person("F", date("2019-06-11"));
        String oskar = person("M", date("2022-02-17"));
        Family family = Family.household("H-SP-4").adult(mother, "Liis").child(mia, "Mia", mother)
                .child(oskar, "Oskar", mother).snapshot(date("2019-06-11"));

        Entitlements result = Entitlements.of(family);

        assertThat(result.of(Benefit.SINGLE_PARENT_ALLOWANCE)).hasSize(2);
        assertThat(firstMonth(result.get(EntitlementKeys.singleParentAllowance(mia, "H-SP-4")))).isEqualTo(month("2026-01"));
        assertThat(lastMonth(result.get(EntitlementKeys.singleParentAllowance(mia, "H-SP-4")))).isEqualTo(month("2035-06"));
    }

    @Test
    void itStopsWhenTheParentMovesOut() {
        String child = person("F", date("2020-05-05"));
        Family family = Family.household("H-SP-5").adult(mother, "Liis").child(child, "Ann", mother)
                .snapshot(date("2020-05-05")).without(mother).snapshot(date("2026-08-10"));

        DesiredEntitlement allowance = Entitlements.of(family).get(EntitlementKeys.singleParentAllowance(child, "H-SP-5"));

        assertThat(lastMonth(allowance)).isEqualTo(month("2026-08"));
    }

    /**
     * A father added to the record by a correction: a formal correction (a paternity acknowledged later) takes effect
     * on its date, so the allowance is owed through the month whose 1st still saw one parent; a typographical one
     * takes effect from the birth, so it was never owed.
     */
    @ParameterizedTest(name = "correction effective {0}: owed through {1}")
    @CsvSource({
            "2026-06-15, 2026-06", // formal, mid-month: June's 1st still saw one parent
            "2026-06-01, 2026-05", // formal, on the 1st: June is no longer owed
            "2026-02-28, 2026-02", // formal, in the month of birth: the birth date saw one parent
            "2026-02-11, ", // typographical: from the original registration, never owed
    })
    void aFatherAddedByACorrectionEndsItFromTheCorrectionsDate(LocalDate effective, YearMonth last) {
        String child = person("M", date("2026-02-11"));
        Family family = Family.household("H-SP-C").adult(mother, "Liis").snapshot(date("2019-01-01"))
                .birth(child, date("2026-02-11"), mother, null).fatherAdded(child, father, effective);

        Entitlements result = Entitlements.of(family);

        if (last == null) {
            assertThat(result.of(Benefit.SINGLE_PARENT_ALLOWANCE)).isEmpty();
        } else {
            DesiredEntitlement allowance = result.get(EntitlementKeys.singleParentAllowance(child, "H-SP-C"));
            assertThat(firstMonth(allowance)).isEqualTo(month("2026-02"));
            assertThat(lastMonth(allowance)).isEqualTo(last);
            assertThat(allowance.explanation().inputs()).anyMatch(i -> i.name().equals("recordCorrectedFrom"));
        }
        assertThat(lastMonth(result.get(EntitlementKeys.childAllowance(child, "H-SP-C")))).isEqualTo(month("2042-02"));
    }
}
