package org.lifeevents.eligibility.facts;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Whether the payment service can pay a person (it keeps the IBAN; we only need to know it exists). */
@Entity
public class PayoutAccountFact extends PanacheEntityBase {

    @Id
    public String personId;

    public boolean accountKnown;
    public String source;
    public LocalDate since;
    public Instant receivedAt;

    public static boolean known(String personId) {
        PayoutAccountFact fact = findById(personId);
        return fact != null && fact.accountKnown;
    }
}
