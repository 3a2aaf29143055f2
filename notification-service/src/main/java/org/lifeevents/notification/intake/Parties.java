package org.lifeevents.notification.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * What the service remembers of the events it read, because later events do not say it: who an entitlement pays and
 * under which law (a stop, a payment, a claim carry neither), and whom a case is about (its resolution does not say).
 * Read and written a poll at a time.
 */
@ApplicationScoped
public class Parties {

    /** Who an entitlement pays, at which version of it. */
    record Party(String recipientId, String benefit, String legalReference, long version) {
    }

    /** Whom a case is about. */
    record Subject(String personId, String caseType) {
    }

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    Map<String, Party> parties(Collection<String> entitlementIds) {
        Map<String, Party> found = new HashMap<>();
        if (entitlementIds.isEmpty()) {
            return found;
        }
        for (Object[] r : select("""
                select entitlement_id, recipient_id, benefit, legal_reference, version
                  from entitlement_party where entitlement_id = any(?::text[])
                """, entitlementIds, 5)) {
            found.put((String) r[0], new Party((String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).longValue()));
        }
        return found;
    }

    /** Keeps each entitlement's newest party; an older version arriving late does not overwrite a newer one. */
    @Transactional(Transactional.TxType.MANDATORY)
    void saveParties(Map<String, Party> parties) {
        if (parties.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(parties.keySet());
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (var upsert = connection.prepareStatement("""
                    insert into entitlement_party (entitlement_id, recipient_id, benefit, legal_reference, version)
                    select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])
                    on conflict (entitlement_id) do update
                       set recipient_id = excluded.recipient_id, benefit = excluded.benefit,
                           legal_reference = excluded.legal_reference, version = excluded.version
                     where entitlement_party.version < excluded.version
                    """)) {
                upsert.setArray(1, connection.createArrayOf("text", ids.toArray()));
                upsert.setArray(2,
                        connection.createArrayOf("text", ids.stream().map(id -> parties.get(id).recipientId()).toArray()));
                upsert.setArray(3,
                        connection.createArrayOf("text", ids.stream().map(id -> parties.get(id).benefit()).toArray()));
                upsert.setArray(4, connection.createArrayOf("text",
                        ids.stream().map(id -> parties.get(id).legalReference()).toArray()));
                upsert.setArray(5,
                        connection.createArrayOf("bigint", ids.stream().map(id -> parties.get(id).version()).toArray()));
                upsert.executeUpdate();
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Map<String, Subject> subjects(Collection<String> caseIds) {
        Map<String, Subject> found = new HashMap<>();
        if (caseIds.isEmpty()) {
            return found;
        }
        for (Object[] r : select("""
                select case_id, person_id, case_type from case_subject where case_id = any(?::text[])
                """, caseIds, 3)) {
            found.put((String) r[0], new Subject((String) r[1], (String) r[2]));
        }
        return found;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void saveSubjects(Map<String, Subject> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(subjects.keySet());
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement("""
                    insert into case_subject (case_id, person_id, case_type)
                    select * from unnest(?::text[], ?::text[], ?::text[])
                    on conflict (case_id) do nothing
                    """)) {
                insert.setArray(1, connection.createArrayOf("text", ids.toArray()));
                insert.setArray(2,
                        connection.createArrayOf("text", ids.stream().map(id -> subjects.get(id).personId()).toArray()));
                insert.setArray(3,
                        connection.createArrayOf("text", ids.stream().map(id -> subjects.get(id).caseType()).toArray()));
                insert.executeUpdate();
            }
        });
    }

    private List<Object[]> select(String sql, Collection<String> keys, int columns) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (var query = connection.prepareStatement(sql)) {
                query.setArray(1, connection.createArrayOf("text", keys.toArray()));
                List<Object[]> rows = new ArrayList<>();
                try (var result = query.executeQuery()) {
                    while (result.next()) {
                        Object[] row = new Object[columns];
                        for (int c = 0; c < columns; c++) {
                            row[c] = result.getObject(c + 1);
                        }
                        rows.add(row);
                    }
                }
                return rows;
            }
        });
    }
}
