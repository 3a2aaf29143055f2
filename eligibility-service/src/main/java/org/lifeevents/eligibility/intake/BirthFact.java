package org.lifeevents.eligibility.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A birth as the civil registry published it. */
@Entity
public class BirthFact extends PanacheEntityBase {

    @Id
    public String childId;

    public String registrationId;
    public LocalDate birthDate;
    public String motherId;
    public String fatherId;
    public int childrenInBirth;
    public int birthOrder;
    public String householdId;
    public String correlationId;
    public Instant registeredAt;

    public static List<BirthFact> inHousehold(String householdId) {
        return list("householdId", householdId);
    }
}
