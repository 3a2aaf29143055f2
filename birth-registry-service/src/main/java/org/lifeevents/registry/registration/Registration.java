package org.lifeevents.registry.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A civil registration (birth or death) as it stands now: the current, corrected record and whether it was revoked.
 * Its writes are in {@link org.lifeevents.registry.write.RegistryWrite}.
 */
@Entity
public class Registration extends PanacheEntityBase {

    public static final String BIRTH = "BIRTH";
    public static final String DEATH = "DEATH";
    public static final String ACTIVE = "ACTIVE";
    public static final String REVOKED = "REVOKED";

    @Id
    @Column(name = "registration_number")
    public String registrationNumber;

    public String kind;
    public String subjectPersonId;
    public String status = ACTIVE;

    /** The first request, as the registry sent it. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String requestJson;

    /** The first answer. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String responseJson;

    /** The record as it stands after every correction, in the shape of the registration request. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String recordJson;

    /** Date of birth or of death, as corrected. */
    public LocalDate eventDate;
    public String householdId;
    public byte[] deathRecord;
    public String deathRecordSchema;
    public boolean createdPerson = true;
    public String clearedSpouseId;

    public String correlationId;
    public Instant registeredAt;
    public Instant revokedAt;
    public String revocationReason;
    public Instant updatedAt;

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public static Optional<Registration> activeOf(String subjectPersonId, String kind) {
        return find("subjectPersonId = ?1 and kind = ?2 and status = ?3", subjectPersonId, kind, ACTIVE)
                .firstResultOptional();
    }
}
