package org.lifeevents.eligibility.facts;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person's assessed taxable income of a year, as the tax authority published it (the latest assessment wins). Held
 * here but read for a decision only under consent.
 */
@Entity
@IdClass(IncomeFact.Key.class)
public class IncomeFact extends PanacheEntityBase {

    @Id
    public String personId;

    @Id
    public int taxYear;

    public long taxableIncomeCents;
    public String assessmentId;
    public Instant assessedAt;
    public String correlationId;
    public Instant receivedAt;

    /** Composite primary key. */
    public record Key(String personId, int taxYear) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
