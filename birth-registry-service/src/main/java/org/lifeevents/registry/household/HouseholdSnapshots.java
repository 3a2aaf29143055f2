package org.lifeevents.registry.household;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;
import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.Address;
import org.lifeevents.events.registry.HouseholdChangedEvent;

/**
 * Publishes a household's whole state on the compacted households topic, with a version that increases with every
 * change, so a consumer can rebuild the register from the topic alone. A state equal to the last published one is not
 * published again.
 */
@ApplicationScoped
public class HouseholdSnapshots {

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    /** The household, locked for this transaction so its versions are handed out in commit order. */
    @Transactional(TxType.MANDATORY)
    public Household lockOrCreate(String householdId) {
        entityManager.unwrap(Session.class).doWork(connection -> HouseholdLocks.lock(connection, List.of(householdId)));
        return Household.findById(householdId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Locks, in one go and in id order, the households and those the persons belong to now: a load or a move that
     * takes them one by one could deadlock with a backfill chunk that holds some of them.
     */
    @Transactional(TxType.MANDATORY)
    public void lockWithCurrentHouseholds(Collection<String> householdIds, Collection<String> personIds) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            Set<String> all = HouseholdLocks.currentHouseholdsOf(connection, personIds);
            all.addAll(householdIds);
            HouseholdLocks.lock(connection, all);
        });
    }

    /**
     * Publishes the household's state from the given day, unless it equals the last published state.
     *
     * @return the version the household has now
     */
    @Transactional(TxType.MANDATORY)
    public long publish(String householdId, String reason, LocalDate effectiveFrom, String correlationId) {
        Household household = lockOrCreate(householdId);
        Address address = address(household);
        List<org.lifeevents.events.registry.HouseholdMember> members = members(householdId, effectiveFrom);
        String hash = hash(address, members);
        if (hash.equals(household.stateHash)) {
            return household.version;
        }
        household.version++;
        household.stateHash = hash;
        HouseholdChangedEvent event = HouseholdChangedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setCorrelationId(correlationId)
                .setHouseholdId(householdId)
                .setVersion(household.version)
                .setEffectiveFrom(effectiveFrom)
                .setReason(reason)
                .setAddress(address)
                .setMembers(members)
                .build();
        outbox.publish(Topics.HOUSEHOLDS, householdId, event);
        return household.version;
    }

    /** Everyone in the household from the day: current members, and those whose membership ends that day or later. */
    @Transactional(TxType.MANDATORY)
    public List<org.lifeevents.events.registry.HouseholdMember> members(String householdId, LocalDate from) {
        Map<String, HouseholdMember> byPerson = new LinkedHashMap<>();
        for (HouseholdMember membership : HouseholdMember.from(householdId, from)) {
            byPerson.merge(membership.personId, membership, (a, b) -> a.memberUntil == null ? a : b);
        }
        if (byPerson.isEmpty()) {
            return List.of();
        }
        // The members' parents and guardians in one read, not two per member (a snapshot is published on every birth).
        Map<String, List<ResponsibleAdult>> adults = ResponsibleAdult.<ResponsibleAdult> list(
                "childId in ?1 order by adultId", byPerson.keySet()).stream()
                .collect(Collectors.groupingBy(adult -> adult.childId));
        return byPerson.values().stream()
                .map(member -> toEventMember(member, adults.getOrDefault(member.personId, List.of())))
                .toList();
    }

    public static Address address(Household household) {
        return household.street == null ? null
                : Address.newBuilder()
                        .setStreet(household.street)
                        .setPostalCode(household.postalCode)
                        .setMunicipality(household.municipality)
                        .setCountryCode(household.countryCode)
                        .build();
    }

    private static org.lifeevents.events.registry.HouseholdMember toEventMember(HouseholdMember member,
            List<ResponsibleAdult> adults) {
        Person person = Person.findById(member.personId);
        return org.lifeevents.events.registry.HouseholdMember.newBuilder()
                .setPersonId(person.personId)
                .setGivenNames(person.givenNames)
                .setFamilyName(person.familyName)
                .setSex(person.sex)
                .setBirthDate(person.birthDate)
                .setDateOfDeath(person.dateOfDeath)
                .setMemberSince(member.memberSince)
                .setInPopulationRegister(person.inPopulationRegister)
                .setSpouseId(person.spouseId)
                .setLegalParentIds(adultIds(adults, ResponsibleAdult.PARENT))
                .setGuardianIds(adultIds(adults, ResponsibleAdult.GUARDIAN))
                .setChildrenInBirth(person.childrenInBirth)
                .setBirthOrder(person.birthOrder)
                .build();
    }

    private static List<String> adultIds(List<ResponsibleAdult> adults, String relation) {
        return adults.stream().filter(adult -> relation.equals(adult.relation)).map(adult -> adult.adultId).toList();
    }

    /** A digest of what a consumer sees of the household (address and members), not of the event's envelope. */
    public static String hash(Address address, List<org.lifeevents.events.registry.HouseholdMember> members) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
            for (var member : members) {
                digest.update(member.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
