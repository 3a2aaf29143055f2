package org.lifeevents.eligibility.rules;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lifeevents.eligibility.rules.HouseholdFacts.Birth;
import org.lifeevents.eligibility.rules.HouseholdFacts.Parent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeevents.eligibility.rules.Family.date;
import static org.lifeevents.eligibility.rules.Family.person;

/** BIRTH_GRANT: per child on registration; the higher amount for 3 or more children in one birth; go-live. */
class BirthGrantRuleTest {

    private final String mother = person("F", date("1994-03-13"));
    private final String father = person("M", date("1992-05-20"));

    @ParameterizedTest(name = "{0} children in one birth: {1} cents each")
    @CsvSource({ "1, 32000", "2, 32000", "3, 100000", "4, 100000" })
    void eachChildOfTheBirthIsOfferedTheGrantForItsBirthSize(int children, long perChild) {
        LocalDate born = date("2026-03-02");
        String[] ids = IntStream.range(0, children).mapToObj(i -> person("F", born)).toArray(String[]::new);
        Family family = Family.household("H-BG-" + children).adult(mother, "Kati").adult(father, "Jaan")
                .snapshot(date("2024-06-01")).multipleBirth(born, mother, father, ids);

        Entitlements result = Entitlements.of(family);

        assertThat(result.of(Benefit.BIRTH_GRANT)).hasSize(children);
        for (String child : Arrays.asList(ids)) {
            DesiredEntitlement grant = result.get(EntitlementKeys.birthGrant(child));
            assertThat(grant.status()).isEqualTo(Status.OFFERED);
            assertThat(grant.recipientId()).isEqualTo(mother);
            assertThat(grant.periods()).containsExactly(new Period(born, born, perChild, mother,
                    (children >= 3 ? "BIRTH_GRANT_PER_CHILD_MULTIPLE" : "BIRTH_GRANT_PER_CHILD") + "@2025-01-01"));
            assertThat(grant.explanation().legalReference()).contains("§ 3");
            assertThat(grant.parties()).contains(mother, father);
        }
    }

    @ParameterizedTest(name = "born {0}: {1}")
    @CsvSource({ "2025-12-31, REFUSED", "2026-01-01, OFFERED", "2026-01-31, OFFERED" })
    void aBirthBeforeGoLiveGetsNoGrantAndIsToldWhyNot(LocalDate born, Status status) {
        String child = person("M", born);
        Family family = Family.household("H-BG-GL").adult(mother, "Kati").snapshot(date("2020-01-01"))
                .birth(child, born, mother, null);

        DesiredEntitlement grant = Entitlements.of(family).get(EntitlementKeys.birthGrant(child));

        assertThat(grant.status()).isEqualTo(status);
        if (status == Status.REFUSED) {
            assertThat(grant.periods()).isEmpty();
            assertThat(grant.citizenText()).contains("born on or after 1 January 2026");
            assertThat(grant.legalReference()).contains("§ 12");
        }
    }

    @Test
    void aConfirmedOfferIsGrantedAndSaysSo() {
        String child = person("F", date("2026-03-02"));
        Family family = Family.household("H-BG-C").adult(mother, "Kati").snapshot(date("2020-01-01"))
                .birth(child, date("2026-03-02"), mother, father).confirm(EntitlementKeys.birthGrant(child), mother);

        DesiredEntitlement grant = Entitlements.of(family).get(EntitlementKeys.birthGrant(child));

        assertThat(grant.status()).isEqualTo(Status.GRANTED);
        assertThat(grant.explanation().inputs()).anyMatch(i -> i.name().equals("confirmation"));
    }

    @Test
    void withoutAMotherTheFatherIsOffered() {
        String child = person("F", date("2026-04-01"));
        Family family = Family.household("H-BG-F").adult(father, "Jaan").snapshot(date("2020-01-01"))
                .birth(child, date("2026-04-01"), null, father);

        assertThat(Entitlements.of(family).get(EntitlementKeys.birthGrant(child)).recipientId()).isEqualTo(father);
    }

    @Test
    void aBirthWithNoParentInTheRegisterWaitsForACaseworker() {
        String child = person("F", date("2026-04-01"));
        Family family = Family.household("H-BG-N").birthRecord(new Birth("B-N", child, "Ann", date("2026-04-01"),
                new Parent(null, false), null, 1, 1, "H-BG-N", "corr", java.time.Instant.EPOCH, false));

        DesiredEntitlement grant = Entitlements.of(family).get(EntitlementKeys.birthGrant(child));

        assertThat(grant.status()).isEqualTo(Status.PENDING);
        assertThat(grant.missingCodes()).containsExactly(Missing.RESIDENT_PARENT);
        assertThat(grant.periods()).isEmpty();
    }

    @Test
    void theExplanationNamesEveryBirthFactWithItsSource() {
        String child = person("F", date("2026-03-02"));
        Family family = Family.household("H-BG-E").adult(mother, "Kati").snapshot(date("2020-01-01"))
                .birth(child, date("2026-03-02"), mother, father);

        Explanation explanation = Entitlements.of(family).get(EntitlementKeys.birthGrant(child)).explanation();

        assertThat(explanation.inputs()).extracting(Explanation.Input::name)
                .contains("child", "birthDate", "mother", "father", "childrenInBirth");
        assertThat(explanation.inputs()).allMatch(i -> i.source().startsWith("civil registry"));
        assertThat(explanation.parameters()).extracting(p -> p.name())
                .containsExactlyInAnyOrder("BIRTH_GRANT_MULTIPLE_BIRTH_MIN_CHILDREN", "BIRTH_GRANT_PER_CHILD");
        assertThat(explanation.arithmetic()).isNotEmpty();
        assertThat(explanation.ruleVersion()).isEqualTo(HouseholdEvaluator.RULE_VERSION);
        assertThat(List.of(explanation.parameterVersion())).containsExactly(Family.REFERENCE.version());
    }
}
