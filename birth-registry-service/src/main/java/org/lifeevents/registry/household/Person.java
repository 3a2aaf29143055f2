package org.lifeevents.registry.household;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person in the population register. A person with {@code inPopulationRegister = false} is recorded only because the
 * registry named them as a parent and marked them as not resident (a foreign parent, say).
 */
@Entity
public class Person extends PanacheEntityBase {

    @Id
    @Column(name = "person_id")
    public String personId;

    public String givenNames;
    public String familyName;
    public String sex;
    public LocalDate birthDate;
    public LocalDate dateOfDeath;
    public boolean inPopulationRegister = true;
    public String spouseId;
    public int childrenInBirth = 1;
    public int birthOrder = 1;

    public boolean isAliveOn(LocalDate date) {
        return dateOfDeath == null || !dateOfDeath.isBefore(date);
    }

    public boolean isDeceased() {
        return dateOfDeath != null;
    }
}
