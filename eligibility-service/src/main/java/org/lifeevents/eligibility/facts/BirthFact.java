package org.lifeevents.eligibility.facts;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lifeevents.eligibility.rules.HouseholdFacts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A birth as the civil registry holds it now: the registered record, later corrections applied, or revoked. */
@Entity
public class BirthFact extends PanacheEntityBase {

    @Id
    public String childId;

    public String registrationId;
    public String givenNames;
    public LocalDate birthDate;
    /** Null when the record names no mother, or names one without a person id (then motherInRegister is false). */
    public String motherId;
    public boolean motherInRegister;
    /** Null when the record names no father, or names one without a person id (then fatherInRegister is false). */
    public String fatherId;
    public boolean fatherInRegister;
    public int childrenInBirth;
    public int birthOrder;
    public String householdId;
    public String correlationId;
    public Instant registeredAt;
    public Instant correctedAt;
    public Instant revokedAt;
    /** The day this version of the record takes effect (a formal correction's date); null: from the birth. */
    public LocalDate recordFrom;

    /** The record in force before {@link #recordFrom}, with its own earlier versions. */
    @JdbcTypeCode(SqlTypes.JSON)
    public HouseholdFacts.Birth earlier;
}
