package org.lifeevents.eligibility.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.apache.avro.specific.SpecificRecord;
import org.jboss.logging.Logger;
import org.lifeevents.common.intake.RejectedEventException;
import org.lifeevents.eligibility.cases.RegisterChecks;
import org.lifeevents.eligibility.decision.HouseholdDecisions;
import org.lifeevents.eligibility.decision.Trigger;
import org.lifeevents.eligibility.facts.BirthFact;
import org.lifeevents.eligibility.facts.DeathFact;
import org.lifeevents.eligibility.facts.FactsLoader;
import org.lifeevents.eligibility.facts.HouseholdPerson;
import org.lifeevents.eligibility.facts.RegistrationEvent;
import org.lifeevents.eligibility.rules.HouseholdFacts;
import org.lifeevents.events.Events;
import org.lifeevents.events.registry.BirthRecord;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.events.registry.DeathRecord;
import org.lifeevents.events.registry.DeathRegisteredEvent;
import org.lifeevents.events.registry.ParentRecord;
import org.lifeevents.events.registry.RegistrationCorrectedEvent;
import org.lifeevents.events.registry.RegistrationRevokedEvent;

/**
 * Births, deaths, corrections and revocations from the civil registry: kept as facts (the record as it stands now)
 * and as a log of events, then every household they touch is decided again.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class RegistrationIntake {

    private static final Logger LOG = Logger.getLogger(RegistrationIntake.class);

    @Inject
    HouseholdDecisions decisions;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    RegisterChecks register;

    public void handle(SpecificRecord event) {
        if (event instanceof BirthRegisteredEvent birth) {
            onBirth(birth);
        } else if (event instanceof DeathRegisteredEvent death) {
            onDeath(death);
        } else if (event instanceof RegistrationCorrectedEvent correction) {
            onCorrection(correction);
        } else if (event instanceof RegistrationRevokedEvent revocation) {
            onRevocation(revocation);
        } else {
            throw new RejectedEventException("Not a registration event: " + Events.type(event));
        }
    }

    private void onBirth(BirthRegisteredEvent event) {
        BirthRecord record = event.getBirth();
        checkBirth(record);
        log(event, "BIRTH", record.getRegistrationId(), record.getChildId(), record.getBirthDate(),
                Map.of("householdId", String.valueOf(record.getHouseholdId())));
        BirthFact fact = BirthFact.findById(record.getChildId());
        if (fact != null) {
            LOG.infof("Birth of %s already known (registration %s); %s changes nothing", record.getChildId(),
                    fact.registrationId, record.getRegistrationId());
            return;
        }
        fact = new BirthFact();
        fact.childId = record.getChildId();
        fact.correlationId = event.getCorrelationId();
        fact.registeredAt = event.getRegisteredAt();
        copy(record, fact);
        fact.persist();
        link(fact);
        register.known(Arrays.asList(fact.childId, fact.motherInRegister ? fact.motherId : null,
                fact.fatherInRegister ? fact.fatherId : null), "birth registration " + fact.registrationId);
        decisions.evaluate(FactsLoader.scopeOfBirth(fact), trigger(event, "birth registration " + fact.registrationId));
    }

    private void onDeath(DeathRegisteredEvent event) {
        DeathRecord record = event.getDeath();
        checkDeath(record);
        log(event, "DEATH", record.getRegistrationId(), record.getPersonId(), record.getDateOfDeath(),
                Map.of("householdId", String.valueOf(record.getHouseholdId())));
        DeathFact fact = DeathFact.findById(record.getPersonId());
        if (fact != null && fact.revokedAt == null) {
            LOG.infof("Death of %s already known (registration %s); %s changes nothing", record.getPersonId(),
                    fact.registrationId, record.getRegistrationId());
            return;
        }
        boolean known = fact != null;
        if (!known) {
            fact = new DeathFact();
            fact.personId = record.getPersonId();
        }
        Set<String> before = scopesOf(fact);
        fact.correlationId = event.getCorrelationId();
        fact.registeredAt = event.getRegisteredAt();
        fact.revokedAt = null;
        copy(record, fact);
        if (!known) {
            fact.persist();
        }
        link(fact);
        Set<String> scopes = new LinkedHashSet<>(before);
        scopes.addAll(scopesOf(fact));
        decisions.evaluate(scopes, trigger(event, "death registration " + fact.registrationId));
    }

    private void onCorrection(RegistrationCorrectedEvent event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", event.getReason());
        details.put("correctionId", event.getCorrectionId());
        details.put("changes", event.getChanges().stream().map(c -> c.getField() + ": " + c.getPreviousValue() + " -> "
                + c.getNewValue()).toList());
        log(event, "CORRECTION", event.getRegistrationId(), event.getSubjectPersonId(), event.getEffectiveFrom(), details);
        Set<String> scopes = new LinkedHashSet<>();
        if ("BIRTH".equals(event.getRegistrationKind()) && event.getCorrectedBirth() != null) {
            checkBirth(event.getCorrectedBirth());
            BirthFact fact = BirthFact.findById(event.getSubjectPersonId());
            if (fact == null) {
                LOG.warnf("Correction %s of unknown birth %s kept in the log only", event.getCorrectionId(),
                        event.getRegistrationId());
                return;
            }
            scopes.add(FactsLoader.scopeOfBirth(fact));
            HouseholdFacts.Birth before = FactsLoader.birth(fact);
            copy(event.getCorrectedBirth(), fact);
            // a formal correction takes effect on its own date; the record before it holds for the days before
            HouseholdFacts.Birth after = FactsLoader.birth(fact).effectiveFrom(event.getEffectiveFrom(), before);
            fact.recordFrom = after.recordFrom();
            fact.earlier = after.earlier();
            fact.correctedAt = event.getCorrectedAt();
            link(fact);
            scopes.add(FactsLoader.scopeOfBirth(fact));
        } else if ("DEATH".equals(event.getRegistrationKind()) && event.getCorrectedDeath() != null) {
            checkDeath(event.getCorrectedDeath());
            DeathFact fact = DeathFact.findById(event.getSubjectPersonId());
            if (fact == null) {
                LOG.warnf("Correction %s of unknown death %s kept in the log only", event.getCorrectionId(),
                        event.getRegistrationId());
                return;
            }
            scopes.addAll(scopesOf(fact));
            copy(event.getCorrectedDeath(), fact);
            fact.correctedAt = event.getCorrectedAt();
            link(fact);
            scopes.addAll(scopesOf(fact));
        } else {
            throw new RejectedEventException("Correction " + event.getCorrectionId() + " of a " + event.getRegistrationKind()
                    + " registration carries no corrected record");
        }
        decisions.evaluate(scopes, trigger(event, "correction " + event.getCorrectionId() + " of registration "
                + event.getRegistrationId()));
    }

    private void onRevocation(RegistrationRevokedEvent event) {
        log(event, "REVOCATION", event.getRegistrationId(), event.getSubjectPersonId(), null,
                Map.of("reason", event.getReason(), "revokedBy", event.getRevokedBy()));
        Set<String> scopes = new LinkedHashSet<>();
        if ("BIRTH".equals(event.getRegistrationKind())) {
            BirthFact fact = BirthFact.findById(event.getSubjectPersonId());
            if (fact != null && fact.registrationId.equals(event.getRegistrationId())) {
                fact.revokedAt = event.getRevokedAt();
                scopes.add(FactsLoader.scopeOfBirth(fact));
                scopes.addAll(HouseholdPerson.householdsOf(fact.childId));
            }
        } else if ("DEATH".equals(event.getRegistrationKind())) {
            DeathFact fact = DeathFact.findById(event.getSubjectPersonId());
            if (fact != null && fact.registrationId.equals(event.getRegistrationId())) {
                fact.revokedAt = event.getRevokedAt();
                scopes.addAll(scopesOf(fact));
            }
        }
        if (scopes.isEmpty()) {
            LOG.warnf("Revocation of unknown registration %s kept in the log only", event.getRegistrationId());
            return;
        }
        decisions.evaluate(scopes, trigger(event, "revocation of registration " + event.getRegistrationId()));
    }

    private static void copy(BirthRecord record, BirthFact fact) {
        fact.registrationId = record.getRegistrationId();
        fact.givenNames = record.getGivenNames();
        fact.birthDate = record.getBirthDate();
        fact.motherId = personIdOf(record.getMother());
        fact.motherInRegister = record.getMother() == null || record.getMother().getInPopulationRegister();
        fact.fatherId = personIdOf(record.getFather());
        fact.fatherInRegister = record.getFather() == null || record.getFather().getInPopulationRegister();
        if (record.getMother() != null && record.getMother().getPersonId() == null) {
            fact.motherInRegister = false;
        }
        if (record.getFather() != null && record.getFather().getPersonId() == null) {
            fact.fatherInRegister = false;
        }
        fact.childrenInBirth = record.getChildrenInBirth();
        fact.birthOrder = record.getBirthOrder();
        fact.householdId = record.getHouseholdId();
    }

    private static void copy(DeathRecord record, DeathFact fact) {
        fact.registrationId = record.getRegistrationId();
        fact.birthDate = record.getBirthDate();
        fact.dateOfDeath = record.getDateOfDeath();
        fact.householdId = record.getHouseholdId();
        fact.spouseId = record.getSpouseId();
        fact.householdMembers = record.getHouseholdMembers().stream()
                .map(m -> new HouseholdFacts.Relative(m.getPersonId(), m.getBirthDate(), m.getRelationToDeceased()))
                .toList();
        fact.minorChildren = record.getMinorChildren().stream()
                .map(c -> new HouseholdFacts.MinorChild(c.getChildId(), c.getBirthDate(), c.getHouseholdId(),
                        List.copyOf(c.getSurvivingParentIds()), List.copyOf(c.getGuardianIds())))
                .toList();
    }

    private static void checkBirth(BirthRecord record) {
        Checks.personId(record.getChildId(), "childId");
        if (record.getMother() != null) {
            Checks.optionalPersonId(record.getMother().getPersonId(), "mother.personId");
        }
        if (record.getFather() != null) {
            Checks.optionalPersonId(record.getFather().getPersonId(), "father.personId");
        }
        if (record.getChildrenInBirth() < 1 || record.getBirthOrder() < 1
                || record.getBirthOrder() > record.getChildrenInBirth()) {
            throw new RejectedEventException("Birth " + record.getRegistrationId() + " has birth order "
                    + record.getBirthOrder() + " of " + record.getChildrenInBirth());
        }
    }

    private static void checkDeath(DeathRecord record) {
        Checks.personId(record.getPersonId(), "personId");
        Checks.optionalPersonId(record.getSpouseId(), "spouseId");
        if (record.getDateOfDeath().isBefore(record.getBirthDate())) {
            throw new RejectedEventException("Death " + record.getRegistrationId() + " is dated before the birth");
        }
    }

    private void link(BirthFact fact) {
        HouseholdPerson.link(entityManager, Arrays.asList(fact.childId, fact.motherId, fact.fatherId),
                FactsLoader.scopeOfBirth(fact));
    }

    private void link(DeathFact fact) {
        List<String> people = new ArrayList<>(Arrays.asList(fact.personId, fact.spouseId));
        fact.householdMembers.forEach(m -> people.add(m.personId()));
        fact.minorChildren.forEach(c -> people.addAll(c.survivingParentIds()));
        HouseholdPerson.link(entityManager, people, scopeOf(fact));
    }

    /** The death's own scope, every household the deceased belongs to, and the households of the minor children. */
    private static Set<String> scopesOf(DeathFact fact) {
        Set<String> scopes = new LinkedHashSet<>();
        if (fact.personId == null) {
            return scopes;
        }
        if (fact.registrationId != null) {
            scopes.add(scopeOf(fact));
        }
        scopes.addAll(HouseholdPerson.householdsOf(fact.personId));
        if (fact.minorChildren != null) {
            fact.minorChildren.stream().map(HouseholdFacts.MinorChild::householdId).filter(h -> h != null)
                    .forEach(scopes::add);
        }
        return scopes;
    }

    private static String scopeOf(DeathFact fact) {
        return fact.householdId != null ? fact.householdId : FactsLoader.PERSON_SCOPE + fact.personId;
    }

    private static String personIdOf(ParentRecord parent) {
        return parent == null ? null : parent.getPersonId();
    }

    private void log(SpecificRecord event, String kind, String registrationId, String subject,
            java.time.LocalDate effectiveFrom, Map<String, Object> details) {
        RegistrationEvent logged = new RegistrationEvent();
        logged.eventId = uuid(Events.eventId(event));
        logged.kind = kind;
        logged.registrationId = registrationId;
        logged.subjectPersonId = Checks.personId(subject, "subject");
        logged.effectiveFrom = effectiveFrom;
        logged.details = details;
        logged.correlationId = Events.correlationId(event);
        logged.occurredAt = Events.occurredAt(event);
        logged.receivedAt = clock.instant();
        logged.persist();
    }

    private static UUID uuid(String eventId) {
        try {
            return UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(eventId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static Trigger trigger(SpecificRecord event, String what) {
        return new Trigger(Events.type(event) + " " + Events.eventId(event) + " (" + what + ")",
                Events.correlationId(event));
    }
}
