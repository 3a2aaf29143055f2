package org.lifeevents.eligibility.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeevents.eligibility.ConsentCheckEndpoint;
import org.lifeevents.eligibility.Statements;
import org.lifeevents.eligibility.consent.IncomeRead;
import org.lifeevents.eligibility.facts.BirthFact;
import org.lifeevents.eligibility.facts.ConsentFact;
import org.lifeevents.eligibility.facts.FactsLoader;
import org.lifeevents.eligibility.facts.HouseholdSnapshotFact;
import org.lifeevents.eligibility.facts.IncomeFact;
import org.lifeevents.eligibility.rules.DataRead;
import org.lifeevents.eligibility.rules.HouseholdFacts.ConsentGrant;
import org.lifeevents.events.Events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeevents.eligibility.Inputs.child;
import static org.lifeevents.eligibility.Inputs.member;
import static org.lifeevents.eligibility.Inputs.person;

/**
 * A consumer's poll decides its households from facts read for all of them at once: each household ends with the same
 * entitlements as when it is decided alone, and the poll's reads of facts do not grow with its households.
 */
@QuarkusTest
class PollDecisionsTest {

    /** The tables of what a decision rests on; the stored entitlements are still read per household. */
    private static final Pattern FACT_TABLES = Pattern.compile(
            "\\b(household_snapshot|birth_fact|death_fact|consent_fact|confirmation|recipient_handover|income_fact"
                    + "|income_read|caseworker_decision)\\b");

    @Inject
    HouseholdDecisions decisions;

    @ConfigProperty(name = ConsentCheckEndpoint.URL_KEY)
    String consentService;

    ConsentCheckEndpoint.Control consents;

    @BeforeEach
    void setUp() {
        consents = new ConsentCheckEndpoint.Control(consentService);
    }

    @Test
    void eachHouseholdOfAPollIsDecidedAsItWouldBeAlone() {
        Families polled = Families.store(this, 5);
        Families alone = Families.store(this, 5);

        QuarkusTransaction.requiringNew().run(() -> decisions.onceEach(
                () -> polled.scopes().forEach(scope -> decisions.evaluate(scope, trigger()))));
        alone.scopes().forEach(scope -> QuarkusTransaction.requiringNew().run(() -> decisions.evaluate(scope, trigger())));

        List<String> decidedInPoll = polled.entitlements();
        assertThat(decidedInPoll).as("every household has its entitlements").hasSizeGreaterThan(polled.scopes().size());
        assertThat(decidedInPoll).isEqualTo(alone.entitlements());
        assertThat(polled.incomeReads()).as("the father of two households is read once, then reused")
                .isEqualTo(alone.incomeReads())
                .isEqualTo(polled.parents());
    }

    @Test
    void aPollReadsItsFactsInTheSameStatementsHoweverManyHouseholdsItTouches() {
        Families few = Families.store(this, 2);
        Families many = Families.store(this, 12);

        List<String> fewReads = factReads(few);
        List<String> manyReads = factReads(many);

        System.out.printf("Facts read for a poll of %d scopes: %d statements; of %d scopes: %d statements%n",
                few.scopes().size(), fewReads.size(), many.scopes().size(), manyReads.size());
        assertThat(manyReads).hasSameSizeAs(fewReads);
        assertThat(fewReads).hasSizeLessThanOrEqualTo(9);
    }

    private List<String> factReads(Families families) {
        List<String> statements = Statements.of(() -> QuarkusTransaction.requiringNew().run(() -> decisions.onceEach(
                () -> families.scopes().forEach(scope -> decisions.evaluate(scope, trigger())))));
        System.out.printf("A poll of %d scopes prepared %d statements%n", families.scopes().size(), statements.size());
        return statements.stream()
                .filter(sql -> sql.stripLeading().toLowerCase().startsWith("select"))
                .filter(sql -> FACT_TABLES.matcher(sql).find())
                .toList();
    }

    private static Trigger trigger() {
        return new Trigger("PollDecisionsTest", Events.newCorrelationId());
    }

    /**
     * Couples with a newborn, each in its own household, the second couple's father also the first's, and a birth to
     * parents outside the register (decided in its own scope); every parent consents to the read of the income the
     * parental benefit rests on.
     */
    private record Families(List<String> scopes, Map<String, String> roles) {

        static Families store(PollDecisionsTest test, int couples) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            Map<String, String> roles = new LinkedHashMap<>();
            List<String> scopes = new ArrayList<>();
            QuarkusTransaction.requiringNew().run(() -> {
                String sharedFather = null;
                for (int i = 0; i < couples; i++) {
                    LocalDate born = LocalDate.of(2026, 7, 1).plusDays(i);
                    String mother = person("F", LocalDate.of(1990, 1, 1).plusDays(i));
                    String father = i == 1 ? sharedFather : person("M", LocalDate.of(1989, 1, 1).plusDays(i));
                    sharedFather = i == 0 ? father : sharedFather;
                    String baby = person("F", born);
                    String household = "H-PD-" + run + "-" + i;
                    roles.put(household, "household" + i);
                    roles.put(mother, "mother" + i);
                    roles.putIfAbsent(father, "father" + i);
                    roles.put(baby, "child" + i);
                    scopes.add(household);
                    HouseholdSnapshotFact snapshot = new HouseholdSnapshotFact();
                    snapshot.householdId = household;
                    snapshot.version = 1;
                    snapshot.effectiveFrom = born;
                    snapshot.reason = "BIRTH";
                    snapshot.correlationId = Events.newCorrelationId();
                    snapshot.receivedAt = Instant.now();
                    snapshot.snapshot = new HouseholdSnapshotFact.Snapshot(List.of(
                            FactsLoader.member(member(mother, "Kati", father, List.of())),
                            FactsLoader.member(member(father, "Jaan", mother, List.of())),
                            FactsLoader.member(child(baby, "Mari", 1, 1, mother, father))));
                    snapshot.persist();
                    birth(baby, born, mother, father, household).persist();
                    for (String parent : List.of(mother, father)) {
                        if (ConsentFact.findById(parent) == null) {
                            consent(parent).persist();
                            income(parent, born.getYear() - 1).persist();
                            test.consents.allow(parent, "C-" + parent);
                        }
                    }
                }
                String foundling = person("M", LocalDate.of(2026, 7, 20));
                roles.put(foundling, "foundling");
                scopes.add(FactsLoader.PERSON_SCOPE + foundling);
                birth(foundling, LocalDate.of(2026, 7, 20), null, null, null).persist();
            });
            return new Families(scopes, roles);
        }

        private static BirthFact birth(String childId, LocalDate born, String mother, String father, String household) {
            BirthFact birth = new BirthFact();
            birth.childId = childId;
            birth.registrationId = "B-" + childId;
            birth.givenNames = "Mari";
            birth.birthDate = born;
            birth.motherId = mother;
            birth.motherInRegister = mother != null;
            birth.fatherId = father;
            birth.fatherInRegister = father != null;
            birth.childrenInBirth = 1;
            birth.birthOrder = 1;
            birth.householdId = household;
            birth.correlationId = Events.newCorrelationId();
            birth.registeredAt = Instant.now();
            return birth;
        }

        private static ConsentFact consent(String personId) {
            ConsentFact consent = new ConsentFact();
            consent.personId = personId;
            consent.consents = List.of(new ConsentGrant("C-" + personId, DataRead.PURPOSE, List.of(DataRead.TAX_INCOME),
                    Instant.parse("2026-01-01T00:00:00Z"), null, null));
            consent.occurredAt = Instant.now();
            consent.receivedAt = Instant.now();
            return consent;
        }

        private static IncomeFact income(String personId, int year) {
            IncomeFact income = new IncomeFact();
            income.personId = personId;
            income.taxYear = year;
            income.taxableIncomeCents = 3_600_000;
            income.assessmentId = "A-" + personId + "-" + year;
            income.assessedAt = Instant.parse("2026-04-01T00:00:00Z");
            income.correlationId = Events.newCorrelationId();
            income.receivedAt = Instant.now();
            return income;
        }

        /** The stored entitlements, with every id of these families replaced by its role, so two runs compare. */
        List<String> entitlements() {
            return QuarkusTransaction.requiringNew().call(() -> Entitlement.<Entitlement> list("scope in ?1", scopes)
                    .stream()
                    .map(e -> anonymous(String.join(" | ", e.entitlementKey, e.scope, e.benefit, e.status,
                            String.valueOf(e.recipientId), String.valueOf(e.beneficiaryId), String.valueOf(e.householdId),
                            String.valueOf(e.periods), String.valueOf(e.missingCodes()), String.valueOf(e.spanFrom),
                            String.valueOf(e.spanUntil), String.join(",", e.parties), e.citizenText,
                            String.valueOf(e.version))))
                    .sorted(Comparator.naturalOrder())
                    .toList());
        }

        long incomeReads() {
            return QuarkusTransaction.requiringNew().call(() -> IncomeRead.count("personId in ?1", roles.keySet()));
        }

        long parents() {
            return roles.values().stream().filter(r -> r.startsWith("mother") || r.startsWith("father")).count();
        }

        private String anonymous(String text) {
            String anonymous = text;
            // the longest first: a household id may begin another's (H-...-1 and H-...-10)
            List<String> ids = roles.keySet().stream().sorted(Comparator.comparing(String::length).reversed()).toList();
            for (String id : ids) {
                anonymous = anonymous.replace(id, roles.get(id));
            }
            return anonymous;
        }
    }
}
