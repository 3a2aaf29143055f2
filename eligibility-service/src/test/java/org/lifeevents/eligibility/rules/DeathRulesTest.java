package org.lifeevents.eligibility.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lifeevents.eligibility.rules.HouseholdFacts.MinorChild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeevents.eligibility.rules.Entitlements.amountIn;
import static org.lifeevents.eligibility.rules.Entitlements.firstMonth;
import static org.lifeevents.eligibility.rules.Entitlements.lastMonth;
import static org.lifeevents.eligibility.rules.Entitlements.recipientIn;
import static org.lifeevents.eligibility.rules.Family.date;
import static org.lifeevents.eligibility.rules.Family.month;
import static org.lifeevents.eligibility.rules.Family.person;

/**
 * FUNERAL_GRANT (to the spouse, else the oldest adult of the household; offer) and SURVIVOR_CHILD_ALLOWANCE (from the
 * month after the death through the month the child turns 18, to the surviving parent or guardian; automatic).
 */
class DeathRulesTest {

    private final String helgi = person("F", date("1960-04-04"));
    private final String ants = person("M", date("1958-09-09"));

    @Test
    void theFuneralGrantIsOfferedToTheSpouse() {
        String son = person("M", date("1985-01-01"));
        Family family = Family.household("H-FG-1").adult(helgi, "Helgi", ants).adult(ants, "Ants", helgi)
                .adult(son, "Son").snapshot(date("1990-01-01")).death(ants, date("2026-04-02"));

        DesiredEntitlement grant = Entitlements.of(family).get(EntitlementKeys.funeralGrant(ants));

        assertThat(grant.status()).isEqualTo(Status.OFFERED);
        assertThat(grant.recipientId()).isEqualTo(helgi);
        assertThat(grant.periods()).containsExactly(new Period(date("2026-04-02"), date("2026-04-02"), 25000, helgi,
                "FUNERAL_GRANT@2025-01-01"));
        assertThat(grant.citizenText()).contains("as the spouse");
    }

    @Test
    void withoutASpouseTheOldestAdultMemberIsOffered() {
        String older = person("F", date("1970-01-01"));
        String younger = person("M", date("1990-01-01"));
        String minor = person("F", date("2010-01-01"));
        String deceased = person("M", date("1950-01-01"));
        Family family = Family.household("H-FG-2").adult(deceased, "Grandpa").adult(younger, "Y").adult(older, "O")
                .adult(minor, "M").snapshot(date("2015-01-01")).death(deceased, date("2026-05-05"));

        assertThat(Entitlements.of(family).get(EntitlementKeys.funeralGrant(deceased)).recipientId()).isEqualTo(older);
    }

    @Test
    void aChildsDeathOffersTheGrantToTheOldestAdult() {
        String mother = person("F", date("1990-01-01"));
        String father = person("M", date("1989-01-01"));
        String child = person("F", date("2026-02-02"));
        Family family = Family.household("H-FG-C").adult(mother, "Kati").adult(father, "Jaan")
                .snapshot(date("2015-01-01")).birth(child, date("2026-02-02"), mother, father)
                .death(child, date("2026-06-06"));

        Entitlements result = Entitlements.of(family);

        assertThat(result.get(EntitlementKeys.funeralGrant(child)).recipientId()).isEqualTo(father);
        assertThat(lastMonth(result.get(EntitlementKeys.childAllowance(child, "H-FG-C")))).isEqualTo(month("2026-06"));
    }

    @Test
    void nobodyEligibleLeavesTheGrantPendingForACaseworker() {
        String deceased = person("M", date("1950-01-01"));
        String minor = person("F", date("2012-01-01"));
        Family family = Family.household("H-FG-3").adult(deceased, "D").child(minor, "M", deceased)
                .snapshot(date("2015-01-01")).death(deceased, date("2026-05-05"));

        DesiredEntitlement grant = Entitlements.of(family).get(EntitlementKeys.funeralGrant(deceased));

        assertThat(grant.status()).isEqualTo(Status.PENDING);
        assertThat(grant.missingCodes()).containsExactly(Missing.RECIPIENT);
    }

    @ParameterizedTest(name = "death on {0}: {1}")
    @CsvSource({ "2025-12-31, REFUSED", "2026-01-01, OFFERED" })
    void aDeathBeforeGoLiveGetsNoFuneralGrant(LocalDate died, Status status) {
        Family family = Family.household("H-FG-GL").adult(helgi, "Helgi", ants).adult(ants, "Ants", helgi)
                .snapshot(date("1990-01-01")).death(ants, died);

        assertThat(Entitlements.of(family).get(EntitlementKeys.funeralGrant(ants)).status()).isEqualTo(status);
    }

    @Test
    void aConfirmedFuneralGrantIsGranted() {
        Family family = Family.household("H-FG-OK").adult(helgi, "Helgi", ants).adult(ants, "Ants", helgi)
                .snapshot(date("1990-01-01")).death(ants, date("2026-04-02"))
                .confirm(EntitlementKeys.funeralGrant(ants), helgi);

        assertThat(Entitlements.of(family).get(EntitlementKeys.funeralGrant(ants)).status()).isEqualTo(Status.GRANTED);
    }

    /** The survivor's allowance starts the month after the death and ends with the month of the 18th birthday. */
    @ParameterizedTest(name = "child born {0}, parent died {1}: {2} to {3}")
    @CsvSource({
            "2015-06-20, 2026-04-02, 2026-05, 2033-06",
            "2008-05-10, 2026-04-02, 2026-05, 2026-05", // turns 18 the month after the death
            "2026-03-02, 2026-03-31, 2026-04, 2044-03" })
    void survivorsAllowanceRunsFromTheMonthAfterTheDeathThroughTheMonthOfThe18thBirthday(LocalDate born, LocalDate died,
            YearMonth first, YearMonth last) {
        String mother = person("F", date("1980-01-01"));
        String father = person("M", date("1979-01-01"));
        String child = person("F", born);
        Family family = Family.household("H-SV-1").adult(mother, "Kati", father).adult(father, "Jaan", mother)
                .child(child, "Mia", mother, father).snapshot(date("2005-01-01"))
                .death(father, died, List.of(new MinorChild(child, born, "H-SV-1", List.of(mother), List.of())));

        DesiredEntitlement allowance = Entitlements.of(family).get(EntitlementKeys.survivorChildAllowance(child, father));

        assertThat(allowance.status()).isEqualTo(Status.GRANTED);
        assertThat(firstMonth(allowance)).isEqualTo(first);
        assertThat(lastMonth(allowance)).isEqualTo(last);
        assertThat(amountIn(allowance, first)).isEqualTo(15000);
        assertThat(recipientIn(allowance, first)).isEqualTo(mother);
    }

    @Test
    void aChildWhoWas18OnTheDateOfDeathIsNotOwedIt() {
        String mother = person("F", date("1980-01-01"));
        String father = person("M", date("1979-01-01"));
        String child = person("M", date("2008-04-02"));
        Family family = Family.household("H-SV-18").adult(mother, "Kati").adult(father, "Jaan")
                .child(child, "Adult", mother, father).snapshot(date("2010-01-01")).death(father, date("2026-04-02"));

        assertThat(Entitlements.of(family).of(Benefit.SURVIVOR_CHILD_ALLOWANCE)).isEmpty();
    }

    @Test
    void withoutASurvivingParentTheGuardianReceivesIt() {
        String father = person("M", date("1979-01-01"));
        String guardian = person("F", date("1955-01-01"));
        String child = person("F", date("2015-01-01"));
        Family family = Family.household("H-SV-G").adult(father, "Jaan").child(child, "Mia", father)
                .snapshot(date("2016-01-01"))
                .death(father, date("2026-06-01"),
                        List.of(new MinorChild(child, date("2015-01-01"), "H-SV-G", List.of(), List.of(guardian))));

        assertThat(Entitlements.of(family).get(EntitlementKeys.survivorChildAllowance(child, father)).recipientId())
                .isEqualTo(guardian);
    }

    @Test
    void withNobodyToPayTheSurvivorsAllowanceWaits() {
        String father = person("M", date("1979-01-01"));
        String child = person("F", date("2015-01-01"));
        Family family = Family.household("H-SV-N").adult(father, "Jaan").child(child, "Mia", father)
                .snapshot(date("2016-01-01")).death(father, date("2026-06-01"));

        DesiredEntitlement allowance = Entitlements.of(family).get(EntitlementKeys.survivorChildAllowance(child, father));

        assertThat(allowance.status()).isEqualTo(Status.PENDING);
        assertThat(allowance.missingCodes()).containsExactly(Missing.RECIPIENT);
    }

    @Test
    void aDeathBeforeGoLiveOwesTheSurvivorsAllowanceFromGoLive() {
        String mother = person("F", date("1980-01-01"));
        String father = person("M", date("1979-01-01"));
        String child = person("F", date("2015-01-01"));
        Family family = Family.household("H-SV-GL").adult(mother, "Kati").adult(father, "Jaan")
                .child(child, "Mia", mother, father).snapshot(date("2016-01-01")).death(father, date("2025-10-01"));

        assertThat(firstMonth(Entitlements.of(family).get(EntitlementKeys.survivorChildAllowance(child, father))))
                .isEqualTo(month("2026-01"));
    }
}
