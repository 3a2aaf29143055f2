package org.lifeevents.eligibility.intake;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The latest published state of a household. */
@Entity
public class HouseholdFact extends PanacheEntityBase {

    @Id
    public String householdId;

    public long version;
    public LocalDate effectiveFrom;

    @JdbcTypeCode(SqlTypes.JSON)
    public String snapshot;

    public Instant receivedAt;

    public HouseholdSnapshot snapshot(ObjectMapper json) {
        try {
            return json.readValue(snapshot, HouseholdSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
