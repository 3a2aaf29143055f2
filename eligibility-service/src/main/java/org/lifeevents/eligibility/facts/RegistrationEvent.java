package org.lifeevents.eligibility.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A registry event as received (birth, death, correction, revocation), kept in order; never changed. */
@Entity
public class RegistrationEvent extends PanacheEntityBase {

    @Id
    public UUID eventId;

    public String kind;
    public String registrationId;
    public String subjectPersonId;
    public LocalDate effectiveFrom;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> details;

    public String correlationId;
    public Instant occurredAt;
    public Instant receivedAt;
}
