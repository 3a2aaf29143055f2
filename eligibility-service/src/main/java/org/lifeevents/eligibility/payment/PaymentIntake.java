package org.lifeevents.eligibility.payment;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.apache.avro.specific.SpecificRecord;
import org.hibernate.Session;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.intake.RejectedEventException;
import org.lifeevents.common.money.Cents;
import org.lifeevents.eligibility.cases.CaseOpener;
import org.lifeevents.eligibility.cases.CaseType;
import org.lifeevents.eligibility.decision.Entitlement;
import org.lifeevents.eligibility.decision.HouseholdLock;
import org.lifeevents.events.payment.PaymentFailedEvent;
import org.lifeevents.events.payment.PaymentLine;
import org.lifeevents.events.payment.PaymentSentEvent;
import org.lifeevents.events.payment.PaymentSettledEvent;
import org.lifeevents.events.payment.PaymentsSentEvent;
import org.lifeevents.events.payment.PaymentsSettledEvent;

/**
 * What the payment service reports: money sent or settled is recorded per entitlement and period (and checked at once
 * against what is owed now, for a change decided while the payment was on its way); a payment the bank refused opens
 * a PAYMENT_REJECTED case, and with reason MD07 (the account holder is deceased) a DEATH_CHECK case too.
 * <p>
 * A file's payments arrive together ({@link PaymentsSentEvent}, {@link PaymentsSettledEvent}) and are recorded in one
 * statement. Only a payment planned from an older version of its entitlement than the one held here can have been
 * overtaken by a change, so only those are checked against what is owed. The entitlements' rows are locked first: a
 * decision changing one of them either came before (and its version is seen here) or waits until the payments are
 * recorded (and its own check sees them).
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class PaymentIntake {

    /** ISO 20022 status reason: the end customer is deceased. */
    static final String DECEASED = "MD07";

    @Inject
    CaseOpener cases;

    @Inject
    Recoveries recoveries;

    @Inject
    HouseholdLock lock;

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    /**
     * A poll's reports: the households of all the entitlements they concern are locked first, in one statement and in
     * sorted order, so a poll never takes household locks in an order another consumer's poll could invert.
     */
    public void handleAll(List<SpecificRecord> events) {
        List<UUID> entitlementIds = events.stream().map(PaymentIntake::entitlementIdOf).filter(Objects::nonNull)
                .distinct().toList();
        lock.lockAll(Entitlement.scopesOf(entitlementIds));
        events.forEach(this::handle);
    }

    public void handle(SpecificRecord event) {
        if (event instanceof PaymentsSentEvent sent) {
            paid(periodsPaid(sent.getPayments()), PaidPayment.SENT);
        } else if (event instanceof PaymentsSettledEvent settled) {
            paid(periodsPaid(settled.getPayments()), PaidPayment.SETTLED);
        } else if (event instanceof PaymentSentEvent sent) {
            paid(List.of(new Line(sent.getPaymentId(), sent.getEntitlementId(), null, sent.getBenefit(),
                    sent.getRecipientId(), sent.getPeriodStart(), sent.getPeriodEnd(), sent.getAmountCents(), null,
                    sent.getCorrelationId())), PaidPayment.SENT);
        } else if (event instanceof PaymentSettledEvent settled && settled.getRefundOfClaimId() == null) {
            paid(List.of(new Line(settled.getPaymentId(), settled.getEntitlementId(), null, settled.getBenefit(),
                    settled.getRecipientId(), settled.getPeriodStart(), settled.getPeriodEnd(),
                    settled.getAmountCents(), settled.getGrossCents(), settled.getCorrelationId())), PaidPayment.SETTLED);
        } else if (event instanceof PaymentFailedEvent failed) {
            failed(failed);
        }
        // a scheduled payment changes nothing here: only money that left (or was refused) does
    }

    /**
     * The lines that paid a period. A refund pays back what offsets recovered for a claim that was released: it pays
     * nothing owed for its period, and counted as paid it would raise a claim for the money it returns.
     */
    private static List<Line> periodsPaid(List<PaymentLine> lines) {
        return lines.stream().filter(line -> line.getRefundOfClaimId() == null).map(Line::of).toList();
    }

    /**
     * One payment as reported: a line of a file, or a single payment (no entitlement version: it is checked against
     * what is owed whatever version it was planned from).
     */
    record Line(String paymentId, String entitlementId, Long entitlementVersion, String benefit, String recipientId,
            LocalDate periodStart, LocalDate periodEnd, long amountCents, Long grossCents, String correlationId) {

        static Line of(PaymentLine line) {
            return new Line(line.getPaymentId(), line.getEntitlementId(), line.getEntitlementVersion(),
                    line.getBenefit(), line.getRecipientId(), line.getPeriodStart(), line.getPeriodEnd(),
                    line.getAmountCents(), line.getGrossCents(), line.getEndToEndId());
        }

        /** What the recipient was credited with: the gross when reported (never less than what was sent). */
        long gross() {
            return grossCents == null ? amountCents : Math.max(grossCents, amountCents);
        }
    }

    /**
     * Payments sent or settled: recorded in one statement, and checked against what is owed where they may be
     * overtaken. The payments are never held as entities in the session (claims read them as values), so the
     * statement, which the session does not see, can leave nothing stale there to be written back over it.
     */
    private void paid(List<Line> lines, String status) {
        if (lines.isEmpty()) {
            return;
        }
        lines.forEach(PaymentIntake::validate);
        Map<UUID, Long> held = lockEntitlements(lines);
        upsert(lines, status);
        Map<UUID, String> overtaken = new LinkedHashMap<>();
        for (Line line : lines) {
            UUID entitlementId = UUID.fromString(line.entitlementId());
            Long version = held.get(entitlementId);
            if (version != null && (line.entitlementVersion() == null || version > line.entitlementVersion())) {
                overtaken.putIfAbsent(entitlementId, line.paymentId());
            }
        }
        overtaken.forEach((entitlementId, paymentId) -> {
            Entitlement entitlement = Entitlement.findById(entitlementId);
            // taken already by handleAll; a single report handled alone (a re-drive) takes it here
            lock.lock(entitlement.scope);
            recoveries.reclaim(entitlement, entitlement.decisionId, "payment " + paymentId
                    + " reported after the entitlement changed", "payment " + paymentId);
        });
    }

    private static void validate(Line line) {
        validate(line.paymentId(), line.entitlementId(), line.recipientId(), line.periodStart(), line.periodEnd(),
                line.amountCents());
        if (line.grossCents() != null && line.grossCents() < 0) {
            throw new RejectedEventException("Payment " + line.paymentId() + " has a negative gross amount");
        }
    }

    /** A report the payment service could not have sent is refused whole, with the reason. */
    private static void validate(String paymentId, String entitlementId, String recipientId, LocalDate periodStart,
            LocalDate periodEnd, long amountCents) {
        if (!PersonId.isValid(recipientId)) {
            throw new RejectedEventException("Recipient " + recipientId + " is not a valid person id");
        }
        try {
            UUID.fromString(paymentId);
            UUID.fromString(entitlementId);
        } catch (IllegalArgumentException bad) {
            throw new RejectedEventException("Payment or entitlement id is not a UUID");
        }
        if (amountCents < 0 || periodEnd.isBefore(periodStart)) {
            throw new RejectedEventException("Payment " + paymentId + " has a negative amount or an empty period");
        }
    }

    /** The version held of each entitlement the lines name, its row locked until commit; ours only. */
    private Map<UUID, Long> lockEntitlements(List<Line> lines) {
        UUID[] ids = lines.stream().map(l -> UUID.fromString(l.entitlementId())).distinct().toArray(UUID[]::new);
        Map<UUID, Long> versions = new HashMap<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            // sorted, so two consumers locking overlapping entitlements never wait for each other in a circle
            try (PreparedStatement select = connection.prepareStatement("""
                    select entitlement_id, version from entitlement where entitlement_id = any(?)
                    order by entitlement_id for no key update
                    """)) {
                select.setArray(1, connection.createArrayOf("uuid", ids));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        versions.put(rs.getObject(1, UUID.class), rs.getLong(2));
                    }
                }
            }
        });
        return versions;
    }

    /** Records the lines; a report never takes back a later one (settled or failed stay so). */
    private void upsert(List<Line> lines, String status) {
        int size = lines.size();
        UUID[] paymentIds = new UUID[size];
        UUID[] entitlementIds = new UUID[size];
        String[] benefits = new String[size];
        String[] recipients = new String[size];
        LocalDate[] starts = new LocalDate[size];
        LocalDate[] ends = new LocalDate[size];
        Long[] amounts = new Long[size];
        Long[] grosses = new Long[size];
        String[] correlationIds = new String[size];
        for (int i = 0; i < size; i++) {
            Line line = lines.get(i);
            paymentIds[i] = UUID.fromString(line.paymentId());
            entitlementIds[i] = UUID.fromString(line.entitlementId());
            benefits[i] = line.benefit();
            recipients[i] = line.recipientId();
            starts[i] = line.periodStart();
            ends[i] = line.periodEnd();
            amounts[i] = line.amountCents();
            grosses[i] = line.gross();
            correlationIds[i] = line.correlationId();
        }
        Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into paid_payment (payment_id, entitlement_id, benefit, recipient_id, period_start,
                                              period_end, amount_cents, gross_cents, status, correlation_id, updated_at)
                    select l.payment_id, l.entitlement_id, l.benefit, l.recipient_id, l.period_start, l.period_end,
                           l.amount_cents, l.gross_cents, ?, l.correlation_id, ?
                    from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::date[], ?::date[], ?::bigint[],
                                ?::bigint[], ?::text[])
                         as l(payment_id, entitlement_id, benefit, recipient_id, period_start, period_end, amount_cents,
                              gross_cents, correlation_id)
                    on conflict (payment_id) do update
                    set status = excluded.status, amount_cents = excluded.amount_cents,
                        gross_cents = excluded.gross_cents, updated_at = excluded.updated_at
                    where excluded.status <> 'SENT' or paid_payment.status = 'SENT'
                    """)) {
                upsert.setString(1, status);
                upsert.setTimestamp(2, now);
                upsert.setArray(3, connection.createArrayOf("uuid", paymentIds));
                upsert.setArray(4, connection.createArrayOf("uuid", entitlementIds));
                upsert.setArray(5, connection.createArrayOf("text", benefits));
                upsert.setArray(6, connection.createArrayOf("text", recipients));
                upsert.setArray(7, connection.createArrayOf("date", starts));
                upsert.setArray(8, connection.createArrayOf("date", ends));
                upsert.setArray(9, connection.createArrayOf("bigint", amounts));
                upsert.setArray(10, connection.createArrayOf("bigint", grosses));
                upsert.setArray(11, connection.createArrayOf("text", correlationIds));
                upsert.executeUpdate();
            }
        });
    }

    private static UUID entitlementIdOf(SpecificRecord event) {
        String id = event instanceof PaymentSentEvent sent ? sent.getEntitlementId()
                : event instanceof PaymentSettledEvent settled ? settled.getEntitlementId()
                        : event instanceof PaymentFailedEvent failed ? failed.getEntitlementId() : null;
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException notOurs) {
            // handle() refuses the event with the reason
            return null;
        }
    }

    private void failed(PaymentFailedEvent failed) {
        Line line = new Line(failed.getPaymentId(), failed.getEntitlementId(), null, failed.getBenefit(),
                failed.getRecipientId(), failed.getPeriodStart(), failed.getPeriodEnd(), failed.getAmountCents(), null,
                failed.getCorrelationId());
        validate(line);
        upsert(List.of(line), PaidPayment.FAILED);
        UUID paymentId = UUID.fromString(line.paymentId());
        UUID entitlementId = UUID.fromString(line.entitlementId());
        Entitlement entitlement = Entitlement.findById(entitlementId);
        String householdId = entitlement == null ? null : entitlement.householdId;
        String bankSays = failed.getReasonCode() + (failed.getReasonText() == null ? "" : " " + failed.getReasonText());
        cases.open(CaseOpener.Request.of(CaseType.PAYMENT_REJECTED, paymentId.toString(), "The bank rejected "
                + "the payment of " + Cents.format(line.amountCents()) + " to " + line.recipientId() + " for "
                + line.periodStart() + " to " + line.periodEnd() + " (" + line.benefit() + ", reason " + bankSays
                + "): it is not retried until the recipient's account or the recipient changes.")
                .subject(line.recipientId()).household(householdId)
                .entitlement(entitlementId, entitlement == null ? null : entitlement.decisionId)
                .correlation(line.correlationId()));
        if (DECEASED.equals(failed.getReasonCode())) {
            cases.open(CaseOpener.Request.of(CaseType.DEATH_CHECK, line.recipientId(), "The bank reports the holder "
                    + "of the account of " + line.recipientId() + " as deceased (MD07) but the register records no "
                    + "death: check with the civil registry.")
                    .subject(line.recipientId()).household(householdId)
                    .entitlement(entitlementId, entitlement == null ? null : entitlement.decisionId)
                    .correlation(line.correlationId()));
        }
    }
}
