package org.lifeevents.registry.registration;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A registration write as the registry sent it, with the answer we gave: what makes every write idempotent on the
 * registry's own number, and the history of a registration.
 */
@Entity
public class Registration extends PanacheEntityBase {

    @Id
    @Column(name = "registration_number")
    public String registrationNumber;

    public String kind;
    public String subjectPersonId;

    @JdbcTypeCode(SqlTypes.JSON)
    public String requestJson;

    @JdbcTypeCode(SqlTypes.JSON)
    public String responseJson;

    public String correlationId;
    public Instant registeredAt;
}
