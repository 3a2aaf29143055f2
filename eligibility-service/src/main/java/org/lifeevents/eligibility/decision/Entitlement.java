package org.lifeevents.eligibility.decision;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.Session;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lifeevents.eligibility.rules.DesiredEntitlement;
import org.lifeevents.eligibility.rules.Missing;
import org.lifeevents.eligibility.rules.Period;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What is owed under one benefit to one beneficiary from one source, and where it stands: the current state, which
 * the reconciler keeps equal to what the rules say. Its history is the chain of decisions.
 */
@Entity
public class Entitlement extends PanacheEntityBase {

    @Id
    public UUID entitlementId;

    public String entitlementKey;
    public String scope;
    public String benefit;
    public String status;
    public String recipientId;
    public String beneficiaryId;
    public String householdId;
    public String sourceRegistrationId;
    public boolean monthly;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Period> periods;

    public LocalDate spanFrom;
    public LocalDate spanUntil;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Missing> missing;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] parties;

    public String legalReference;
    public String citizenText;
    public UUID decisionId;
    public String correlationId;
    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    /**
     * The id of the entitlement with this key, the same on every instance and after a rebuild from the topics, so the
     * payment service never sees one entitlement under two ids.
     */
    public static UUID idFor(String entitlementKey) {
        return UUID.nameUUIDFromBytes(("lifeevents:entitlement:" + entitlementKey).getBytes(StandardCharsets.UTF_8));
    }

    public static Entitlement byKey(String entitlementKey) {
        return find("entitlementKey", entitlementKey).firstResult();
    }

    /** The scope's entitlements and any with the given keys (an entitlement can move to another scope). */
    @SuppressWarnings("unchecked")
    public static List<Entitlement> ofScope(String scope, Collection<String> keys) {
        // SQL with one array parameter, not HQL with an in-list: Hibernate translates a query with an in-list anew for
        // every length of the list, and that was half the cost of this read, once per household decided.
        return getEntityManager().createNativeQuery("""
                select * from entitlement
                where scope = ?1 or entitlement_key = any(cast(?2 as text[]))
                order by entitlement_key
                """, Entitlement.class)
                .setParameter(1, scope)
                .setParameter(2, keys.toArray(String[]::new))
                .getResultList();
    }

    /**
     * Which of the scopes have an entitlement stored, as their scope or under a key they want ({@code wanted}: the
     * keys each scope's rules give), in one statement for a chunk of scopes. Plain JDBC on the transaction's
     * connection: the caller has written and emptied its session.
     */
    public static Set<String> scopesWithStored(Map<String, List<DesiredEntitlement>> wanted) {
        Map<String, List<String>> scopesByKey = new HashMap<>();
        wanted.forEach((scope, desired) -> desired
                .forEach(d -> scopesByKey.computeIfAbsent(d.key(), k -> new ArrayList<>()).add(scope)));
        String[] scopes = wanted.keySet().toArray(String[]::new);
        String[] keys = scopesByKey.keySet().toArray(String[]::new);
        Set<String> withStored = new HashSet<>();
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select scope, entitlement_key from entitlement
                    where scope = any(?::text[]) or entitlement_key = any(?::text[])
                    """)) {
                select.setArray(1, connection.createArrayOf("text", scopes));
                select.setArray(2, connection.createArrayOf("text", keys));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        withStored.add(rows.getString(1));
                        withStored.addAll(scopesByKey.getOrDefault(rows.getString(2), List.of()));
                    }
                }
            }
        });
        return withStored;
    }

    public List<String> missingCodes() {
        return missing == null ? List.of() : missing.stream().map(Missing::code).toList();
    }

    /** The scopes (households) of the given entitlements, in one query. */
    public static List<String> scopesOf(Collection<UUID> entitlementIds) {
        if (entitlementIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select distinct e.scope from Entitlement e where e.entitlementId in ?1",
                String.class).setParameter(1, entitlementIds).getResultList();
    }
}
