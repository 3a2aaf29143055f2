package org.lifeevents.eligibility;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.lifeevents.common.identity.PersonId;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.consent.ConsentChangedEvent;
import org.lifeevents.events.consent.ConsentState;
import org.lifeevents.events.payment.PayoutAccountChangedEvent;
import org.lifeevents.events.registry.BirthRecord;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.events.registry.DeathRecord;
import org.lifeevents.events.registry.DeathRegisteredEvent;
import org.lifeevents.events.registry.FieldChange;
import org.lifeevents.events.registry.HouseholdChangedEvent;
import org.lifeevents.events.registry.HouseholdMember;
import org.lifeevents.events.registry.HouseholdMemberRef;
import org.lifeevents.events.registry.MinorChildRecord;
import org.lifeevents.events.registry.ParentRecord;
import org.lifeevents.events.registry.RegistrationCorrectedEvent;
import org.lifeevents.events.registry.RegistrationRevokedEvent;
import org.lifeevents.events.tax.IncomeAssessedEvent;
import org.lifeevents.localservers.testing.TopicReader;

/**
 * Input events as the registry, the tax feed, the consent service and the payment service publish them, built for
 * tests and published on the real topics. Each test takes its own people from {@link #person}.
 */
public final class Inputs {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 500));

    private final TopicReader topics;
    private final Clock clock;

    /** Events are stamped with the service's clock, so they happen on the business date the test lives on. */
    public Inputs(String bootstrapServers, Clock clock) {
        this.topics = new TopicReader(bootstrapServers);
        this.clock = clock;
    }

    public TopicReader topics() {
        return topics;
    }

    public Clock clock() {
        return clock;
    }

    /** A fresh valid person id, unique within the test run. */
    public static String person(String sex, LocalDate birthDate) {
        return PersonId.of(sex, birthDate, 500 + SERIAL.incrementAndGet() % 499).value();
    }

    public static HouseholdMember member(String personId, String name, String spouseId, List<String> parents) {
        PersonId id = new PersonId(personId);
        return HouseholdMember.newBuilder()
                .setPersonId(personId)
                .setGivenNames(name)
                .setFamilyName("Test")
                .setSex(id.sex())
                .setBirthDate(id.birthDate())
                .setMemberSince(id.birthDate())
                .setSpouseId(spouseId)
                .setLegalParentIds(parents)
                .setGuardianIds(List.of())
                .build();
    }

    public static HouseholdMember child(String personId, String name, int childrenInBirth, int birthOrder,
            String... parents) {
        HouseholdMember member = member(personId, name, null, List.of(parents));
        member.setChildrenInBirth(childrenInBirth);
        member.setBirthOrder(birthOrder);
        return member;
    }

    /** Publishes the household's state as the population register does. */
    public HouseholdChangedEvent household(String householdId, long version, LocalDate effectiveFrom, String reason,
            String correlationId, List<HouseholdMember> members) {
        HouseholdChangedEvent event = HouseholdChangedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(correlationId)
                .setHouseholdId(householdId)
                .setVersion(version)
                .setEffectiveFrom(effectiveFrom)
                .setReason(reason)
                .setMembers(new ArrayList<>(members))
                .build();
        topics.publish(Topics.HOUSEHOLDS, householdId, event);
        return event;
    }

    /** Publishes a birth as the civil registry does (the household state is published separately). */
    public BirthRegisteredEvent birth(String registrationId, String childId, String name, LocalDate birthDate,
            String motherId, String fatherId, int childrenInBirth, int birthOrder, String householdId,
            String correlationId) {
        BirthRegisteredEvent event = birthEvent(registrationId, childId, name, birthDate, motherId, fatherId,
                childrenInBirth, birthOrder, householdId, correlationId);
        topics.publish(Topics.REGISTRATIONS, childId, event);
        return event;
    }

    /** A birth as the civil registry publishes it, not yet published. */
    public BirthRegisteredEvent birthEvent(String registrationId, String childId, String name, LocalDate birthDate,
            String motherId, String fatherId, int childrenInBirth, int birthOrder, String householdId,
            String correlationId) {
        return BirthRegisteredEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(correlationId)
                .setRegisteredAt(clock.instant())
                .setBirth(BirthRecord.newBuilder()
                        .setRegistrationId(registrationId)
                        .setChildId(childId)
                        .setGivenNames(name)
                        .setFamilyName("Test")
                        .setSex(PersonId.isValid(childId) ? new PersonId(childId).sex() : "F")
                        .setBirthDate(birthDate)
                        .setPlaceOfBirth("Tallinn")
                        .setMother(parent(motherId))
                        .setFather(parent(fatherId))
                        .setChildrenInBirth(childrenInBirth)
                        .setBirthOrder(birthOrder)
                        .setHouseholdId(householdId)
                        .build())
                .build();
    }

    /** Publishes a death; the spouse and one minor child with the surviving parent, as the registry reports them. */
    public DeathRegisteredEvent death(String registrationId, String personId, LocalDate dateOfDeath, String householdId,
            String spouseId, String childId, String survivingParentId) {
        PersonId deceased = new PersonId(personId);
        DeathRegisteredEvent event = DeathRegisteredEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(Events.newCorrelationId())
                .setRegisteredAt(clock.instant())
                .setDeath(DeathRecord.newBuilder()
                        .setRegistrationId(registrationId)
                        .setPersonId(personId)
                        .setBirthDate(deceased.birthDate())
                        .setDateOfDeath(dateOfDeath)
                        .setPlaceOfDeath("Tallinn")
                        .setHouseholdId(householdId)
                        .setSpouseId(spouseId)
                        .setHouseholdMembers(List.of(
                                HouseholdMemberRef.newBuilder().setPersonId(spouseId)
                                        .setBirthDate(new PersonId(spouseId).birthDate()).setRelationToDeceased("SPOUSE")
                                        .build(),
                                HouseholdMemberRef.newBuilder().setPersonId(childId)
                                        .setBirthDate(new PersonId(childId).birthDate()).setRelationToDeceased("CHILD")
                                        .build()))
                        .setMinorChildren(List.of(MinorChildRecord.newBuilder().setChildId(childId)
                                .setBirthDate(new PersonId(childId).birthDate()).setHouseholdId(householdId)
                                .setSurvivingParentIds(List.of(survivingParentId)).setGuardianIds(List.of()).build()))
                        .build())
                .build();
        topics.publish(Topics.REGISTRATIONS, personId, event);
        return event;
    }

    /** Publishes a correction of a birth with the whole corrected record. */
    public RegistrationCorrectedEvent correctBirth(BirthRegisteredEvent original, String reason, LocalDate effectiveFrom,
            BirthRecord corrected, String field, String previous, String now) {
        RegistrationCorrectedEvent event = RegistrationCorrectedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(original.getCorrelationId())
                .setCorrectionId("C-" + original.getBirth().getRegistrationId())
                .setRegistrationId(original.getBirth().getRegistrationId())
                .setRegistrationKind("BIRTH")
                .setSubjectPersonId(original.getBirth().getChildId())
                .setReason(reason)
                .setEffectiveFrom(effectiveFrom)
                .setChanges(List.of(FieldChange.newBuilder().setField(field).setPreviousValue(previous).setNewValue(now)
                        .build()))
                .setCorrectedBirth(corrected)
                .setCorrectedBy("registry official")
                .setCorrectedAt(clock.instant())
                .build();
        topics.publish(Topics.REGISTRATIONS, original.getBirth().getChildId(), event);
        return event;
    }

    public RegistrationRevokedEvent revokeBirth(BirthRegisteredEvent original) {
        RegistrationRevokedEvent event = RegistrationRevokedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(original.getCorrelationId())
                .setRegistrationId(original.getBirth().getRegistrationId())
                .setRegistrationKind("BIRTH")
                .setSubjectPersonId(original.getBirth().getChildId())
                .setReason("registered in error")
                .setRevokedBy("registry official")
                .setRevokedAt(clock.instant())
                .build();
        topics.publish(Topics.REGISTRATIONS, original.getBirth().getChildId(), event);
        return event;
    }

    public static ParentRecord parentRecord(String personId) {
        return parent(personId);
    }

    public IncomeAssessedEvent income(String personId, int year, long cents) {
        IncomeAssessedEvent event = IncomeAssessedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(Events.newCorrelationId())
                .setAssessmentId("A-" + personId + "-" + year + "-" + cents)
                .setPersonId(personId)
                .setTaxYear(year)
                .setTaxableIncomeCents(cents)
                .setAssessedAt(clock.instant())
                .build();
        topics.publish(Topics.INCOMES, personId + ":" + year, event);
        return event;
    }

    /** Publishes the person's whole consent state: one consent for family benefits over the categories. */
    public ConsentChangedEvent consent(String personId, String consentId, String... categories) {
        Instant now = clock.instant();
        ConsentChangedEvent event = ConsentChangedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(now)
                .setCorrelationId(Events.newCorrelationId())
                .setPersonId(personId)
                .setChange("GRANTED")
                .setChangedConsentId(consentId)
                .setConsents(List.of(ConsentState.newBuilder()
                        .setConsentId(consentId)
                        .setPurpose("FAMILY_BENEFITS")
                        .setDataCategories(List.of(categories))
                        .setValidFrom(now.minusSeconds(60))
                        .setGrantedAt(now.minusSeconds(60))
                        .setStatus("ACTIVE")
                        .setReceiptId("receipt-" + consentId)
                        .build()))
                .build();
        topics.publish(Topics.CONSENTS, personId, event);
        // Topics are consumed independently (registrations and households by several consumers at once): a test that
        // grants consent before a family's events means the family to be decided with it, so it waits until it holds.
        Stored.awaitHandled("eligibility.consents", event.getEventId());
        return event;
    }

    public PayoutAccountChangedEvent payoutAccount(String personId, boolean known) {
        PayoutAccountChangedEvent event = PayoutAccountChangedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(Events.newCorrelationId())
                .setPersonId(personId)
                .setAccountKnown(known)
                .setSource(known ? "CITIZEN" : null)
                .setSince(known ? LocalDate.now(clock) : null)
                .build();
        topics.publish(Topics.PAYOUT_ACCOUNTS, personId, event);
        return event;
    }

    private static ParentRecord parent(String personId) {
        return personId == null ? null
                : ParentRecord.newBuilder().setPersonId(personId).setGivenNames("P").setFamilyName("Test")
                        .setInPopulationRegister(true).build();
    }
}
