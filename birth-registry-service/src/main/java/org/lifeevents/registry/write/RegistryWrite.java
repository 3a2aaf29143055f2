package org.lifeevents.registry.write;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One accepted write of the registry system, with the answer it got: the idempotency record and the history. */
@Entity
public class RegistryWrite extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String scope;
    public String writeNumber;
    public String kind;
    public String registrationNumber;

    @JdbcTypeCode(SqlTypes.JSON)
    public String requestJson;

    @JdbcTypeCode(SqlTypes.JSON)
    public String responseJson;

    public String correlationId;
    public String recordedBy;
    public Instant recordedAt;

    public static Optional<RegistryWrite> find(String scope, String writeNumber) {
        return find("scope = ?1 and writeNumber = ?2", scope, writeNumber).firstResultOptional();
    }

    /** Every write about one registration, oldest first. */
    public static List<RegistryWrite> ofRegistration(String registrationNumber) {
        return list("registrationNumber = ?1 order by id", registrationNumber);
    }
}
