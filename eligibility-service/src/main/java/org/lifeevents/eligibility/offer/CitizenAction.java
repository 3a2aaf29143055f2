package org.lifeevents.eligibility.offer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One action of a citizen (who, when, what, with what outcome); the table refuses updates and deletes. */
@Entity
public class CitizenAction extends PanacheEntityBase {

    @Id
    public UUID actionId;

    public String personId;
    public String actor;
    public String action;
    public UUID entitlementId;
    public String childId;
    public String outcome;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> details;

    public String correlationId;
    public Instant actedAt;

    public static List<CitizenAction> of(String personId) {
        return list("personId = ?1 order by actedAt", personId);
    }
}
