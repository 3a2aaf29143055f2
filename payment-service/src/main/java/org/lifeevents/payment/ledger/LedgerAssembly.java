package org.lifeevents.payment.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lifeevents.payment.entitlement.EntitlementState;
import org.lifeevents.payment.schedule.OwedPlan;
import org.lifeevents.payment.schedule.Payment;

/**
 * Puts the rows the ledger read together: what is owed comes from each entitlement's latest state by the rule the
 * schedule is planned by ({@link OwedPlan}), so the ledger and the payments can never disagree about what the rules
 * say; paid and claimed come from the payments and claims as stored. Pure: no database, so the arithmetic is tested
 * on its own.
 */
final class LedgerAssembly {

    private LedgerAssembly() {
    }

    /** A stored payment with its entitlement and period. */
    record PaymentRow(UUID entitlementId, LocalDate periodStart, LocalDate periodEnd, Ledger.PaymentEntry entry) {
    }

    /** A stored recovery claim with its entitlement and period. */
    record ClaimRow(UUID entitlementId, LocalDate periodStart, LocalDate periodEnd, Ledger.ClaimEntry entry) {
    }

    /** One person's running sums. */
    private static final class Sums {
        long owed;
        long paid;
        long scheduled;
        long held;
        long failed;
        long claimed;
        long recovered;

        void add(Sums other) {
            owed += other.owed;
            paid += other.paid;
            scheduled += other.scheduled;
            held += other.held;
            failed += other.failed;
            claimed += other.claimed;
            recovered += other.recovered;
        }

        long difference() {
            return owed - (paid - claimed);
        }

        Ledger.PersonFigures of(String personId) {
            return new Ledger.PersonFigures(personId, owed, paid, scheduled, held, failed, claimed, recovered,
                    difference());
        }

        Ledger.Figures figures() {
            return new Ledger.Figures(owed, paid, scheduled, held, failed, claimed, recovered, difference());
        }
    }

    static Ledger assemble(String scope, String key, LocalDate today, int paymentDay, Collection<UUID> entitlementIds,
            Map<UUID, EntitlementState> states, List<PaymentRow> payments, List<ClaimRow> claims,
            List<Ledger.OffsetEntry> offsets) {
        Map<UUID, List<Ledger.OffsetEntry>> offsetsOfPayment = offsets.stream()
                .collect(Collectors.groupingBy(Ledger.OffsetEntry::paymentId));
        Map<UUID, List<Ledger.OffsetEntry>> offsetsOfClaim = offsets.stream()
                .collect(Collectors.groupingBy(Ledger.OffsetEntry::claimId));
        Map<UUID, List<PaymentRow>> paymentsOf = payments.stream()
                .collect(Collectors.groupingBy(PaymentRow::entitlementId));
        Map<UUID, List<ClaimRow>> claimsOf = claims.stream().collect(Collectors.groupingBy(ClaimRow::entitlementId));
        Map<String, Sums> people = new TreeMap<>();
        List<Ledger.EntitlementLedger> entitlements = new ArrayList<>();
        for (UUID id : entitlementIds) {
            EntitlementState state = states.get(id);
            List<OwedPlan.Owed> owed = state == null ? List.of() : OwedPlan.owed(state, today, paymentDay);
            Map<String, Sums> sumsOfEntitlement = new TreeMap<>();
            List<Ledger.PeriodLedger> periods = periods(owed, paymentsOf.getOrDefault(id, List.of()),
                    claimsOf.getOrDefault(id, List.of()), offsetsOfPayment, offsetsOfClaim, sumsOfEntitlement);
            Sums total = new Sums();
            sumsOfEntitlement.forEach((person, sums) -> {
                total.add(sums);
                people.computeIfAbsent(person, p -> new Sums()).add(sums);
            });
            entitlements.add(state == null
                    ? new Ledger.EntitlementLedger(id, null, null, null, null, null, false, null, null, null, periods,
                            total.figures())
                    : new Ledger.EntitlementLedger(id, state.benefit, state.beneficiaryId, state.householdId,
                            state.status, state.decisionId, state.monthly, state.recipientId, state.stopReason,
                            state.lastOwedDate, periods, total.figures()));
        }
        entitlements.sort(Comparator.comparing(Ledger.EntitlementLedger::benefit, Comparator.nullsLast(String::compareTo))
                .thenComparing(Ledger.EntitlementLedger::beneficiaryId, Comparator.nullsLast(String::compareTo))
                .thenComparing(Ledger.EntitlementLedger::entitlementId));
        Sums all = new Sums();
        people.values().forEach(all::add);
        return new Ledger(scope, key, today, entitlements,
                people.entrySet().stream().map(e -> e.getValue().of(e.getKey())).toList(), all.figures());
    }

    private static List<Ledger.PeriodLedger> periods(List<OwedPlan.Owed> owed, List<PaymentRow> payments,
            List<ClaimRow> claims, Map<UUID, List<Ledger.OffsetEntry>> offsetsOfPayment,
            Map<UUID, List<Ledger.OffsetEntry>> offsetsOfClaim, Map<String, Sums> sumsOfEntitlement) {
        Map<LocalDate, OwedPlan.Owed> owedOf = new LinkedHashMap<>();
        owed.forEach(o -> owedOf.putIfAbsent(o.periodStart(), o));
        Map<LocalDate, List<PaymentRow>> paymentsOf = payments.stream()
                .collect(Collectors.groupingBy(PaymentRow::periodStart));
        Map<LocalDate, List<ClaimRow>> claimsOf = claims.stream().collect(Collectors.groupingBy(ClaimRow::periodStart));
        TreeSet<LocalDate> starts = new TreeSet<>(owedOf.keySet());
        starts.addAll(paymentsOf.keySet());
        starts.addAll(claimsOf.keySet());
        List<Ledger.PeriodLedger> periods = new ArrayList<>();
        for (LocalDate start : starts) {
            OwedPlan.Owed o = owedOf.get(start);
            List<PaymentRow> paid = paymentsOf.getOrDefault(start, List.of());
            List<ClaimRow> claimed = claimsOf.getOrDefault(start, List.of());
            Map<String, Sums> sums = new TreeMap<>();
            if (o != null) {
                sums.computeIfAbsent(o.recipientId(), p -> new Sums()).owed += o.amountCents();
            }
            for (PaymentRow row : paid) {
                Ledger.PaymentEntry p = row.entry();
                Sums s = sums.computeIfAbsent(p.recipientId(), x -> new Sums());
                if (p.refundOfClaim() != null) {
                    // pays back recovered money (its claim's recovered figure already shows it returned), no period
                    continue;
                }
                if (Payment.COMMITTED.contains(p.status())) {
                    s.paid += p.grossCents();
                } else if (Payment.SCHEDULED.equals(p.status())) {
                    s.scheduled += p.grossCents();
                } else if (Payment.HELD.equals(p.status())) {
                    s.held += p.grossCents();
                } else if (Payment.FAILED.equals(p.status())) {
                    s.failed += p.grossCents();
                }
            }
            for (ClaimRow row : claimed) {
                Ledger.ClaimEntry c = row.entry();
                Sums s = sums.computeIfAbsent(c.debtorId(), x -> new Sums());
                s.claimed += c.amountCents() - c.releasedCents();
                s.recovered += c.amountCents() - c.releasedCents() - c.remainingCents();
            }
            sums.forEach((person, s) -> sumsOfEntitlement.computeIfAbsent(person, x -> new Sums()).add(s));
            LocalDate end = o != null ? o.periodEnd()
                    : !paid.isEmpty() ? paid.get(0).periodEnd() : claimed.get(0).periodEnd();
            LocalDate due = o != null ? o.dueDate() : paid.isEmpty() ? null : paid.get(0).entry().dueDate();
            periods.add(new Ledger.PeriodLedger(start, end, due, o == null ? null : o.recipientId(),
                    o == null ? 0 : o.amountCents(),
                    sums.entrySet().stream().map(e -> e.getValue().of(e.getKey())).toList(),
                    paid.stream().map(r -> withOffsets(r.entry(), offsetsOfPayment)).toList(),
                    claimed.stream().map(r -> withOffsets(r.entry(), offsetsOfClaim)).toList()));
        }
        return periods;
    }

    private static Ledger.PaymentEntry withOffsets(Ledger.PaymentEntry p, Map<UUID, List<Ledger.OffsetEntry>> offsets) {
        return new Ledger.PaymentEntry(p.paymentId(), p.recipientId(), p.status(), p.topUp(), p.grossCents(),
                p.offsetCents(), p.netCents(), p.dueDate(), p.endToEndId(), p.runId(), p.fileMessageId(), p.sentAt(),
                p.settledAt(), p.reasonCode(), p.refundOfClaim(), sorted(offsets.getOrDefault(p.paymentId(), List.of())));
    }

    private static Ledger.ClaimEntry withOffsets(Ledger.ClaimEntry c, Map<UUID, List<Ledger.OffsetEntry>> offsets) {
        return new Ledger.ClaimEntry(c.claimId(), c.debtorId(), c.amountCents(), c.releasedCents(), c.remainingCents(),
                c.reason(),
                c.decisionId(), c.explanation(), c.status(), c.receivedAt(), c.settledAt(),
                sorted(offsets.getOrDefault(c.claimId(), List.of())));
    }

    private static List<Ledger.OffsetEntry> sorted(List<Ledger.OffsetEntry> offsets) {
        return offsets.stream().sorted(Comparator.comparing(Ledger.OffsetEntry::at, Comparator.nullsLast(Instant::compareTo))
                .thenComparing(o -> Objects.toString(o.paymentId()))).toList();
    }
}
