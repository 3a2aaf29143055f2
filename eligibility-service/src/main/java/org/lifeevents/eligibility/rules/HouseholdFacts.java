package org.lifeevents.eligibility.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine knows that bears on one household's entitlements: the household's snapshots over time, the
 * births and deaths in it, its people's consents, the income the engine may read (resolved under consent before the
 * evaluation), and the citizens' confirmations and choices. Immutable; the evaluator reads nothing else.
 *
 * @param scope the evaluation unit: the household id, or {@code person:<id>} for a birth outside any household
 * @param householdId the population-register household, null for a birth outside any household
 * @param today the day of the evaluation (explanations say "as of")
 * @param evaluatedAt the moment of the evaluation (consents are checked against it)
 * @param snapshots every state of the household the register published, any order
 * @param births birth records of the household's children and of the births registered into it
 * @param deaths death records of the household's people
 * @param consents each person's consents, by person id
 * @param income what the engine may use of each parent's income, resolved under consent
 * @param confirmations citizens' confirmations of offers
 * @param handovers citizens' hand-overs of a child's monthly benefits to the other parent
 */
public record HouseholdFacts(String scope, String householdId, LocalDate today, Instant evaluatedAt, List<Snapshot> snapshots,
        List<Birth> births, List<Death> deaths, Map<String, List<ConsentGrant>> consents, Map<IncomeKey, IncomeAccess> income,
        List<Confirmation> confirmations, List<Handover> handovers) {

    public HouseholdFacts {
        snapshots = List.copyOf(snapshots);
        births = List.copyOf(births);
        deaths = List.copyOf(deaths);
        consents = Map.copyOf(consents);
        income = Map.copyOf(income);
        confirmations = List.copyOf(confirmations);
        handovers = List.copyOf(handovers);
    }

    /** The same facts with the income the engine may read resolved. */
    public HouseholdFacts withIncome(Map<IncomeKey, IncomeAccess> resolved) {
        return new HouseholdFacts(scope, householdId, today, evaluatedAt, snapshots, births, deaths, consents, resolved,
                confirmations,
                handovers);
    }

    /** The same facts with other confirmations. */
    public HouseholdFacts withConfirmations(List<Confirmation> confirmed) {
        return new HouseholdFacts(scope, householdId, today, evaluatedAt, snapshots, births, deaths, consents, income,
                confirmed, handovers);
    }

    /** One published state of the household, holding from its effective date until a later version says otherwise. */
    public record Snapshot(long version, LocalDate effectiveFrom, String reason, String correlationId, Instant receivedAt,
            List<Member> members) {

        public Snapshot {
            members = List.copyOf(members);
        }
    }

    /** A person in a household snapshot, with the relations the rules need. */
    public record Member(String personId, String givenNames, String sex, LocalDate birthDate, LocalDate dateOfDeath,
            LocalDate memberSince, boolean inPopulationRegister, String spouseId, List<String> legalParentIds,
            List<String> guardianIds, int childrenInBirth, int birthOrder) {

        public Member {
            legalParentIds = legalParentIds == null ? List.of() : List.copyOf(legalParentIds);
            guardianIds = guardianIds == null ? List.of() : List.copyOf(guardianIds);
        }
    }

    /** A parent named on a birth record; the person id is null for a parent the registry could not identify. */
    public record Parent(String personId, boolean inPopulationRegister) {
    }

    /**
     * A birth as the civil registry holds it now (after any correction); revoked when registered in error. A formal
     * correction (a paternity acknowledged later) takes effect on its own date: before {@code recordFrom} the
     * {@code earlier} record is the one in force.
     *
     * @param recordFrom the day this version of the record takes effect; null: from the birth
     * @param earlier the record in force before {@code recordFrom}; null when there is none
     */
    public record Birth(String registrationId, String childId, String givenNames, LocalDate birthDate, Parent mother,
            Parent father, int childrenInBirth, int birthOrder, String householdId, String correlationId,
            Instant registeredAt, boolean revoked, LocalDate recordFrom, Birth earlier) {

        /** A record in force from the birth (as registered, or corrected from the original registration). */
        public Birth(String registrationId, String childId, String givenNames, LocalDate birthDate, Parent mother,
                Parent father, int childrenInBirth, int birthOrder, String householdId, String correlationId,
                Instant registeredAt, boolean revoked) {
            this(registrationId, childId, givenNames, birthDate, mother, father, childrenInBirth, birthOrder, householdId,
                    correlationId, registeredAt, revoked, null, null);
        }

        /**
         * This record as a correction of the earlier one taking effect on the day: before it the earlier record holds.
         * A correction taking effect on or before the birth (typographical, quality assurance) replaces the current
         * version and keeps the earlier versions' dates.
         */
        public Birth effectiveFrom(LocalDate day, Birth before) {
            if (day == null || before == null || !day.isAfter(birthDate)) {
                return new Birth(registrationId, childId, givenNames, birthDate, mother, father, childrenInBirth, birthOrder,
                        householdId, correlationId, registeredAt, revoked, before == null ? null : before.recordFrom,
                        before == null ? null : before.earlier);
            }
            return new Birth(registrationId, childId, givenNames, birthDate, mother, father, childrenInBirth, birthOrder,
                    householdId, correlationId, registeredAt, revoked, day, before);
        }

        /** The record as it stood on the day. */
        public Birth on(LocalDate day) {
            return earlier != null && recordFrom != null && day.isBefore(recordFrom) ? earlier.on(day) : this;
        }

        /** The parents named on the record who have a person id. */
        public List<String> parentIds() {
            return java.util.stream.Stream.of(mother, father)
                    .filter(p -> p != null && p.personId() != null)
                    .map(Parent::personId)
                    .toList();
        }

        /** How many parents the record names (with or without a person id). */
        public int namedParents() {
            return (mother == null ? 0 : 1) + (father == null ? 0 : 1);
        }
    }

    /** A death as the civil registry reported it, with the survivors it named. */
    public record Death(String registrationId, String personId, LocalDate birthDate, LocalDate dateOfDeath,
            String householdId, String spouseId, List<Relative> householdMembers, List<MinorChild> minorChildren,
            String correlationId, Instant registeredAt, boolean revoked) {

        public Death {
            householdMembers = List.copyOf(householdMembers);
            minorChildren = List.copyOf(minorChildren);
        }
    }

    /** Someone who shared the deceased's household on the date of death. */
    public record Relative(String personId, LocalDate birthDate, String relation) {
    }

    /** A child of the deceased under 18 on the date of death, and who remains responsible for the child. */
    public record MinorChild(String childId, LocalDate birthDate, String householdId, List<String> survivingParentIds,
            List<String> guardianIds) {

        public MinorChild {
            survivingParentIds = List.copyOf(survivingParentIds);
            guardianIds = List.copyOf(guardianIds);
        }
    }

    /** One consent of a person, as the consent service last published it. */
    public record ConsentGrant(String consentId, String purpose, List<String> dataCategories, Instant validFrom,
            Instant validUntil, Instant revokedAt) {

        public ConsentGrant {
            dataCategories = List.copyOf(dataCategories);
        }

        /** Whether the consent allows the category for the purpose at the given moment. */
        public boolean allows(String purpose, String category, Instant at) {
            return this.purpose.equals(purpose) && dataCategories.contains(category) && !validFrom.isAfter(at)
                    && (validUntil == null || validUntil.isAfter(at)) && (revokedAt == null || revokedAt.isAfter(at));
        }
    }

    /** A parent's income of one tax year. */
    public record IncomeKey(String personId, int taxYear) {
    }

    /**
     * What the engine may use of one income: a read made under a consent (now, or for an earlier decision), or why
     * there is none.
     */
    public record IncomeAccess(Kind kind, String consentId, Long incomeCents, String assessmentId, Instant assessedAt,
            Instant readAt, boolean fresh, String reason) {

        /** How the income stands for the rules. */
        public enum Kind {
            /** Read under consent: the figure is known. */
            READ,
            /** Consent allows the read, but the tax authority has not assessed the year (yet). */
            NOT_ASSESSED,
            /** No active consent covers the read. */
            NO_CONSENT,
            /** The consent service could not confirm the consent; nothing was read. */
            CHECK_UNAVAILABLE
        }

        public static IncomeAccess read(String consentId, long incomeCents, String assessmentId, Instant assessedAt,
                Instant readAt, boolean fresh) {
            return new IncomeAccess(Kind.READ, consentId, incomeCents, assessmentId, assessedAt, readAt, fresh, null);
        }

        public static IncomeAccess notAssessed(String consentId) {
            return new IncomeAccess(Kind.NOT_ASSESSED, consentId, null, null, null, null, false, null);
        }

        public static IncomeAccess noConsent(String reason) {
            return new IncomeAccess(Kind.NO_CONSENT, null, null, null, null, null, false, reason);
        }

        public static IncomeAccess checkUnavailable() {
            return new IncomeAccess(Kind.CHECK_UNAVAILABLE, null, null, null, null, null, false, null);
        }
    }

    /** A citizen confirmed an offer (for the parental benefit: took it). */
    public record Confirmation(String entitlementKey, String personId, Instant confirmedAt) {
    }

    /** A parent handed a child's monthly benefits to the other parent from a month on. */
    public record Handover(String childId, String fromPersonId, String toPersonId, LocalDate effectiveFrom,
            Instant requestedAt) {
    }
}
