package org.lifeevents.payment.person;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.lifeevents.payment.schedule.PaymentSchedule;

/**
 * Keeps the names of people (for the credit transfer's creditor) and their deaths, the guard that nothing is paid to a
 * person for a month after the month of their death. A death holds the person's unpaid later payments; a revoked or
 * corrected death releases them.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class PersonRegister {

    private static final Logger LOG = Logger.getLogger(PersonRegister.class);

    @Inject
    PaymentSchedule schedule;

    @Inject
    Clock clock;

    @Inject
    EntityManager session;

    /**
     * Names many people at once (display names by person id), in one statement: the household versions of a backfill
     * name every parent and child, and one read and one write per person was a tenth of the service's time.
     */
    public void named(Map<String, String> displayNames) {
        if (displayNames.isEmpty()) {
            return;
        }
        String[] ids = displayNames.keySet().toArray(String[]::new);
        String[] names = displayNames.values().toArray(String[]::new);
        Instant now = clock.instant();
        // plain JDBC on the transaction's connection: a statement through the session would flush it first
        session.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into person (person_id, display_name, updated_at)
                    select id, name, ? from unnest(?::text[], ?::text[]) as named(id, name) order by id
                    on conflict (person_id) do update set display_name = excluded.display_name,
                        updated_at = excluded.updated_at
                    """)) {
                upsert.setObject(1, now.atOffset(ZoneOffset.UTC));
                upsert.setArray(2, connection.createArrayOf("text", ids));
                upsert.setArray(3, connection.createArrayOf("text", names));
                upsert.executeUpdate();
            }
        });
    }

    public void died(String personId, LocalDate dateOfDeath, String registrationId) {
        Person person = findOrNew(personId);
        person.dateOfDeath = dateOfDeath;
        person.deathRegistrationId = registrationId;
        person.updatedAt = clock.instant();
        persistIfNew(person);
        int held = schedule.applyDeathGuard(personId, person.lastPayableDay());
        LOG.infof("Death of %s on %s registered; %d later payments held", personId, dateOfDeath, held);
    }

    /** The death registration was revoked: the person is alive for us again and their held payments are released. */
    public void deathRevoked(String personId, String registrationId) {
        Person person = Person.findById(personId);
        if (person == null || person.dateOfDeath == null
                || (registrationId != null && person.deathRegistrationId != null
                        && !registrationId.equals(person.deathRegistrationId))) {
            return;
        }
        person.dateOfDeath = null;
        person.deathRegistrationId = null;
        person.updatedAt = clock.instant();
        schedule.applyDeathGuard(personId, null);
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Person> find(String personId) {
        return Person.findByIdOptional(personId);
    }

    private static Person findOrNew(String personId) {
        Person person = Person.findById(personId);
        if (person == null) {
            person = new Person();
            person.personId = personId;
        }
        return person;
    }

    private static void persistIfNew(Person person) {
        if (!person.isPersistent()) {
            person.persist();
        }
    }
}
