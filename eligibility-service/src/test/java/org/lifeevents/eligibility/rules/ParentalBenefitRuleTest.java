package org.lifeevents.eligibility.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lifeevents.eligibility.rules.HouseholdFacts.IncomeAccess;
import org.lifeevents.eligibility.rules.HouseholdFacts.IncomeKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeevents.eligibility.rules.Entitlements.amountIn;
import static org.lifeevents.eligibility.rules.Entitlements.firstMonth;
import static org.lifeevents.eligibility.rules.Entitlements.lastMonth;
import static org.lifeevents.eligibility.rules.Family.date;
import static org.lifeevents.eligibility.rules.Family.month;
import static org.lifeevents.eligibility.rules.Family.person;

/**
 * PARENTAL_BENEFIT: 15 calendar months from the month of birth; previous calendar year's income / 12 rounded half up
 * once; floor 820.00 EUR (also with no income), cap 5200.00 EUR; one parent per birth (not per child), the one who
 * confirms; consent gates the income.
 */
class ParentalBenefitRuleTest {

    private final String mother = person("F", date("1994-03-13"));
    private final String father = person("M", date("1992-05-20"));
    private final String child = person("F", date("2026-03-02"));

    private Family born(String householdId) {
        return Family.household(householdId).adult(mother, "Kati", father).adult(father, "Jaan", mother)
                .snapshot(date("2024-06-01")).birth(child, date("2026-03-02"), mother, father);
    }

    @ParameterizedTest(name = "income {0} cents: {1} cents a month")
    @CsvSource({
            "4200000, 350000", // Kati: 42,000.00 / 12
            "0, 82000", // no income: the floor
            "984000, 82000", // exactly the floor
            "984600, 82050", // just above the floor
            "6240000, 520000", // exactly the cap
            "6500000, 520000", // Jaan: 65,000.00 / 12 = 5416.67, capped
            "8000000, 520000", // Eva, above the cap
            "1800000, 150000", // Liis
            "2000006, 166667", // 166667.17 rounds down
            "2000010, 166668", // 166667.5 rounds half up
    })
    void theAmountIsLastYearsIncomeDividedBy12BetweenFloorAndCap(long income, long monthly) {
        DesiredEntitlement benefit = Entitlements.of(born("H-PB-A").income(mother, 2025, income))
                .get(EntitlementKeys.parentalBenefit(mother, date("2026-03-02")));

        assertThat(benefit.status()).isEqualTo(Status.OFFERED);
        assertThat(benefit.periods()).hasSize(1);
        assertThat(amountIn(benefit, month("2026-03"))).isEqualTo(monthly);
        assertThat(benefit.explanation().consentId()).isEqualTo("consent-" + mother);
        assertThat(benefit.dataReads()).singleElement()
                .satisfies(r -> {
                    assertThat(r.category()).isEqualTo(DataRead.TAX_INCOME);
                    assertThat(r.legalBasis()).isEqualTo(DataRead.CONSENT);
                    assertThat(r.subjectPersonId()).isEqualTo(mother);
                });
    }

    @Test
    void itRunsFifteenCalendarMonthsFromTheMonthOfBirth() {
        DesiredEntitlement benefit = Entitlements.of(born("H-PB-15").income(mother, 2025, 4200000))
                .get(EntitlementKeys.parentalBenefit(mother, date("2026-03-02")));

        assertThat(firstMonth(benefit)).isEqualTo(month("2026-03"));
        assertThat(lastMonth(benefit)).isEqualTo(month("2027-05"));
    }

    @Test
    void itUsesTheIncomeOfTheCalendarYearBeforeTheBirth() {
        assertThat(born("H-PB-Y").incomeNeeds()).containsExactlyInAnyOrder(new IncomeKey(mother, 2025),
                new IncomeKey(father, 2025));
    }

    @Test
    void withoutConsentTheOfferSaysWhatIsMissingAndAsksForIt() {
        DesiredEntitlement benefit = Entitlements.of(born("H-PB-C")
                .incomeAccess(mother, 2025, IncomeAccess.noConsent("NO_CONSENT")))
                .get(EntitlementKeys.parentalBenefit(mother, date("2026-03-02")));

        assertThat(benefit.status()).isEqualTo(Status.PENDING);
        assertThat(benefit.missingCodes()).containsExactly(Missing.CONSENT_TAX_INCOME);
        assertThat(benefit.missing().get(0).text()).contains("consent");
        assertThat(benefit.periods()).isEmpty();
        assertThat(benefit.spanFrom()).isEqualTo(date("2026-03-01"));
        assertThat(benefit.spanUntil()).isEqualTo(date("2027-05-31"));
        assertThat(benefit.dataReads()).isEmpty();
    }

    @Test
    void anUnreachableConsentServiceLeavesItPendingNeverRefused() {
        DesiredEntitlement benefit = Entitlements.of(born("H-PB-U").incomeAccess(mother, 2025, IncomeAccess.checkUnavailable()))
                .get(EntitlementKeys.parentalBenefit(mother, date("2026-03-02")));

        assertThat(benefit.status()).isEqualTo(Status.PENDING);
        assertThat(benefit.missingCodes()).containsExactly(Missing.CONSENT_CHECK);
    }

    @Test
    void consentedButNotYetAssessedIncomeWaitsForTheTaxAuthority() {
        DesiredEntitlement benefit = Entitlements.of(born("H-PB-N").incomeAccess(mother, 2025,
                IncomeAccess.notAssessed("consent-x"))).get(EntitlementKeys.parentalBenefit(mother, date("2026-03-02")));

        assertThat(benefit.status()).isEqualTo(Status.PENDING);
        assertThat(benefit.missingCodes()).containsExactly(Missing.TAX_INCOME);
    }

    @Test
    void eachParentIsOfferedTheirOwnAmountAndSeesOnlyTheirOwn() {
        Entitlements result = Entitlements.of(born("H-PB-2").income(mother, 2025, 4200000).income(father, 2025, 6500000));

        DesiredEntitlement hers = result.get(EntitlementKeys.parentalBenefit(mother, date("2026-03-02")));
        DesiredEntitlement his = result.get(EntitlementKeys.parentalBenefit(father, date("2026-03-02")));
        assertThat(amountIn(hers, month("2026-03"))).isEqualTo(350000);
        assertThat(amountIn(his, month("2026-03"))).isEqualTo(520000);
        assertThat(hers.parties()).containsExactly(mother);
        assertThat(his.parties()).containsExactly(father);
    }

    @Test
    void onceOneParentTakesItTheOtherIsNotOfferedIt() {
        Entitlements result = Entitlements.of(born("H-PB-T").income(mother, 2025, 4200000).income(father, 2025, 6500000)
                .confirm(EntitlementKeys.parentalBenefit(father, date("2026-03-02")), father));

        DesiredEntitlement his = result.get(EntitlementKeys.parentalBenefit(father, date("2026-03-02")));
        DesiredEntitlement hers = result.get(EntitlementKeys.parentalBenefit(mother, date("2026-03-02")));
        assertThat(his.status()).isEqualTo(Status.GRANTED);
        assertThat(hers.status()).isEqualTo(Status.REFUSED);
        assertThat(hers.periods()).isEmpty();
        assertThat(hers.citizenText()).contains("taken by Jaan");
        assertThat(born("H-PB-T2").confirm(EntitlementKeys.parentalBenefit(father, date("2026-03-02")), father)
                .incomeNeeds()).containsExactly(new IncomeKey(father, 2025));
    }

    /** Twins are one birth: one benefit per parent for the birth, not one per child. */
    @Test
    void twinsAreOneBirth() {
        String twin1 = person("F", date("2026-07-07"));
        String twin2 = person("M", date("2026-07-07"));
        Family family = Family.household("H-PB-TW").adult(mother, "Kati").adult(father, "Jaan")
                .snapshot(date("2024-06-01")).multipleBirth(date("2026-07-07"), mother, father, twin1, twin2)
                .income(mother, 2025, 4200000).income(father, 2025, 0);

        Entitlements result = Entitlements.of(family);

        assertThat(result.of(Benefit.PARENTAL_BENEFIT)).hasSize(2);
        assertThat(result.get(EntitlementKeys.parentalBenefit(mother, date("2026-07-07"))).beneficiaryId()).isEqualTo(twin1);
    }

    @Test
    void whenTheParentWhoTookItDiesTheRemainingMonthsAreOfferedToTheOther() {
        Family family = born("H-PB-D").income(mother, 2025, 4200000).income(father, 2025, 6500000)
                .confirm(EntitlementKeys.parentalBenefit(mother, date("2026-03-02")), mother)
                .death(mother, date("2026-08-15"));

        Entitlements result = Entitlements.of(family);

        DesiredEntitlement hers = result.get(EntitlementKeys.parentalBenefit(mother, date("2026-03-02")));
        DesiredEntitlement his = result.get(EntitlementKeys.parentalBenefit(father, date("2026-03-02")));
        assertThat(lastMonth(hers)).isEqualTo(month("2026-08"));
        assertThat(his.status()).isEqualTo(Status.OFFERED);
        assertThat(firstMonth(his)).isEqualTo(month("2026-09"));
        assertThat(lastMonth(his)).isEqualTo(month("2027-05"));
    }

    /** A birth in November 2025: only the months from go-live (January 2026) are owed, through January 2027. */
    @Test
    void aBirthBeforeGoLiveIsOwedOnlyTheMonthsFromGoLive() {
        String older = person("M", date("2025-11-10"));
        Family family = Family.household("H-PB-GL").adult(mother, "Kati").adult(father, "Jaan")
                .snapshot(date("2024-06-01")).birth(older, date("2025-11-10"), mother, father)
                .income(mother, 2024, 3000000);

        DesiredEntitlement benefit = Entitlements.of(family)
                .get(EntitlementKeys.parentalBenefit(mother, date("2025-11-10")));

        assertThat(firstMonth(benefit)).isEqualTo(month("2026-01"));
        assertThat(lastMonth(benefit)).isEqualTo(month("2027-01"));
        assertThat(amountIn(benefit, month("2026-01"))).isEqualTo(250000);
    }

    @Test
    void aBirthWhoseFifteenMonthsEndedBeforeGoLiveGetsNothing() {
        String older = person("M", date("2024-09-10"));
        Family family = Family.household("H-PB-OLD").adult(mother, "Kati").snapshot(date("2020-01-01"))
                .birth(older, date("2024-09-10"), mother, null);

        assertThat(Entitlements.of(family).of(Benefit.PARENTAL_BENEFIT)).isEmpty();
    }
}
