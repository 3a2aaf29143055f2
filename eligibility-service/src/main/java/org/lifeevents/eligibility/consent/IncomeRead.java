package org.lifeevents.eligibility.consent;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One read of a person's income under a consent the consent service confirmed; never changed. */
@Entity
public class IncomeRead extends PanacheEntityBase {

    @Id
    public UUID readId;

    public String personId;
    public int taxYear;
    public String consentId;
    public long taxableIncomeCents;
    public String assessmentId;
    public Instant assessedAt;
    public Instant readAt;
}
