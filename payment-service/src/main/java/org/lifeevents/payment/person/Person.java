package org.lifeevents.payment.person;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What the registry told us of a person: the name a transfer is addressed to, and the date of death if any. */
@Entity
public class Person extends PanacheEntityBase {

    @Id
    public String personId;

    public String displayName;
    public LocalDate dateOfDeath;
    public String deathRegistrationId;
    public Instant updatedAt;

    /** The last day anything may be paid to the person for: the end of the month they died in, or null while alive. */
    public LocalDate lastPayableDay() {
        return dateOfDeath == null ? null : dateOfDeath.withDayOfMonth(dateOfDeath.lengthOfMonth());
    }
}
