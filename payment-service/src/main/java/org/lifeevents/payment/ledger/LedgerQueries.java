package org.lifeevents.payment.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.lifeevents.payment.PaymentConfig;
import org.lifeevents.payment.entitlement.EntitlementState;

/**
 * Reads a household's or a person's ledger in five statements whatever its size: the entitlements in scope, their
 * states, their payments (with the file each is in), their claims, and the offsets of either. One transaction per read,
 * so the figures come from one moment of the database's history and not from several.
 */
@ApplicationScoped
@Transactional
public class LedgerQueries {

    @Inject
    EntityManager entityManager;

    @Inject
    PaymentConfig config;

    @Inject
    Clock clock;

    /** The entitlements decided in the household. */
    public Ledger household(String householdId) {
        return read(Ledger.HOUSEHOLD, householdId, """
                select entitlement_id from entitlement where household_id = ?
                """);
    }

    /** The entitlements where the person is recipient or beneficiary, was paid, or is a debtor. */
    public Ledger person(String personId) {
        // A union of index lookups (an OR across the tables would read them whole); the parameter is cast to the
        // columns' char(11), since a char column compared with a varchar is compared as text, past its index.
        return read(Ledger.PERSON, personId, """
                select entitlement_id from entitlement where recipient_id = ?1
                union select entitlement_id from entitlement where beneficiary_id = ?1
                union select entitlement_id from payment where recipient_id = ?1
                union select entitlement_id from recovery_claim where debtor_id = ?1
                """.replace("?1", "cast(? as char(11))"));
    }

    private Ledger read(String scope, String key, String scopeQuery) {
        LocalDate today = LocalDate.now(clock);
        Set<UUID> ids = jdbc(connection -> {
            try (PreparedStatement select = connection.prepareStatement(scopeQuery)) {
                long parameters = scopeQuery.chars().filter(c -> c == '?').count();
                for (int i = 1; i <= parameters; i++) {
                    select.setString(i, key);
                }
                Set<UUID> found = new LinkedHashSet<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getObject(1, UUID.class));
                    }
                }
                return found;
            }
        });
        if (ids.isEmpty()) {
            return LedgerAssembly.assemble(scope, key, today, config.run().monthlyPaymentDay(), List.of(), Map.of(),
                    List.of(), List.of(), List.of());
        }
        Map<UUID, EntitlementState> states = entityManager
                .createQuery("from EntitlementState where entitlementId in :ids", EntitlementState.class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(s -> s.entitlementId, Function.identity()));
        UUID[] array = ids.toArray(UUID[]::new);
        return jdbc(connection -> LedgerAssembly.assemble(scope, key, today, config.run().monthlyPaymentDay(), ids,
                states, payments(connection, array), claims(connection, array), offsets(connection, array)));
    }

    private static List<LedgerAssembly.PaymentRow> payments(Connection connection, UUID[] ids) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select p.entitlement_id, p.period_start, p.period_end, p.payment_id, p.recipient_id, p.status,
                       p.top_up_version, p.gross_cents, p.offset_cents, p.amount_cents, p.due_date, p.correlation_id,
                       p.run_id, f.message_id, p.sent_at, p.settled_at, p.reason_code, p.refund_of_claim
                from payment p left join payment_file f on f.file_id = p.file_id
                where p.entitlement_id = any(?) and p.status <> 'CANCELLED'
                order by p.period_start, p.top_up_version, p.payment_id
                """)) {
            select.setArray(1, connection.createArrayOf("uuid", ids));
            List<LedgerAssembly.PaymentRow> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new LedgerAssembly.PaymentRow(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class), new Ledger.PaymentEntry(rs.getObject(4, UUID.class),
                                    rs.getString(5), rs.getString(6), rs.getLong(7) > 0, rs.getLong(8), rs.getLong(9),
                                    rs.getLong(10), rs.getObject(11, LocalDate.class), rs.getString(12),
                                    rs.getObject(13, UUID.class), rs.getString(14), instant(rs, 15), instant(rs, 16),
                                    rs.getString(17), rs.getObject(18, UUID.class), List.of())));
                }
            }
            return rows;
        }
    }

    private static List<LedgerAssembly.ClaimRow> claims(Connection connection, UUID[] ids) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select entitlement_id, period_start, period_end, claim_id, debtor_id, amount_cents, released_cents,
                       remaining_cents, reason, decision_id, explanation, status, received_at, settled_at
                from recovery_claim
                where entitlement_id = any(?)
                order by period_start, received_at, claim_id
                """)) {
            select.setArray(1, connection.createArrayOf("uuid", ids));
            List<LedgerAssembly.ClaimRow> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new LedgerAssembly.ClaimRow(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class), new Ledger.ClaimEntry(rs.getObject(4, UUID.class),
                                    rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getString(9),
                                    rs.getString(10), rs.getString(11), rs.getString(12), instant(rs, 13),
                                    instant(rs, 14), List.of())));
                }
            }
            return rows;
        }
    }

    /** The offsets against the entitlements' payments, and those of their claims against any payment. */
    private static List<Ledger.OffsetEntry> offsets(Connection connection, UUID[] ids) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select o.claim_id, o.payment_id, o.amount_cents, o.run_id, o.created_at
                from payment_offset o join payment p on p.payment_id = o.payment_id
                where p.entitlement_id = any(?1)
                union
                select o.claim_id, o.payment_id, o.amount_cents, o.run_id, o.created_at
                from payment_offset o join recovery_claim c on c.claim_id = o.claim_id
                where c.entitlement_id = any(?1)
                """.replace("?1", "?"))) {
            select.setArray(1, connection.createArrayOf("uuid", ids));
            select.setArray(2, connection.createArrayOf("uuid", ids));
            List<Ledger.OffsetEntry> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Ledger.OffsetEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getLong(3), rs.getObject(4, UUID.class), instant(rs, 5)));
                }
            }
            return rows;
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * Plain JDBC on the transaction's connection, as the schedule's insert: the rows are read into records, never into
     * the session, so a large ledger does not make Hibernate track entities it only shows.
     */
    private <T> T jdbc(org.hibernate.jdbc.ReturningWork<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work);
    }
}
