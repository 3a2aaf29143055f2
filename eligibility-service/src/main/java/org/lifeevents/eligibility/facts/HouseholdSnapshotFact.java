package org.lifeevents.eligibility.facts;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lifeevents.eligibility.rules.HouseholdFacts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One published state of a household, kept with all earlier ones: rules read the situation on any day. */
@Entity
@Table(name = "household_snapshot")
@IdClass(HouseholdSnapshotFact.Key.class)
public class HouseholdSnapshotFact extends PanacheEntityBase {

    @Id
    public String householdId;

    @Id
    public long version;

    public LocalDate effectiveFrom;
    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    public Snapshot snapshot;

    public String correlationId;
    public Instant receivedAt;

    /** The members as published; a wrapper so the JSON column can grow fields. */
    public record Snapshot(List<HouseholdFacts.Member> members) {
    }

    /** Composite primary key. */
    public record Key(String householdId, long version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    public static List<HouseholdSnapshotFact> of(String householdId) {
        return list("householdId = ?1 order by version", householdId);
    }

    public static long latestVersion(String householdId) {
        Long version = find("select max(version) from HouseholdSnapshotFact where householdId = ?1", householdId)
                .project(Long.class).firstResult();
        return version == null ? 0 : version;
    }
}
