package org.lifeevents.payment.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lifeevents.payment.entitlement.EntitlementState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's arithmetic, worked out by hand. On 15 May 2026: a child allowance of 80.00 EUR a month from January,
 * owed to the father from February after the mother's death in January was registered late. She was paid January to
 * March; February and March are claimed back from her (March partly recovered by an offset); he was paid February as a
 * top-up, and March to May are scheduled for him.
 */
class LedgerAssemblyTest {

    private static final String MOTHER = "49403136515";
    private static final String FATHER = "39205202210";
    private static final UUID ID = UUID.fromString("2d9f5ebf-3c4d-4e6f-8a11-2c3d4e5f6a71");
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 15);

    @Test
    void eachPersonsDifferenceIsOwedLessPaidNetOfClaimsAndTheTotalsAddUp() {
        EntitlementState state = new EntitlementState();
        state.entitlementId = ID;
        state.benefit = "CHILD_ALLOWANCE";
        state.status = EntitlementState.GRANTED;
        state.monthly = true;
        state.recipientId = FATHER;
        state.decisionId = "D-2";
        state.householdId = "H-1";
        state.periods = List.of(new EntitlementState.Period(month(1), month(1).withDayOfMonth(31), 8000, MOTHER),
                new EntitlementState.Period(month(2), null, 8000, FATHER));
        List<LedgerAssembly.PaymentRow> payments = List.of(
                payment(month(1), MOTHER, "SETTLED", false),
                payment(month(2), MOTHER, "SETTLED", false),
                payment(month(2), FATHER, "SETTLED", true),
                payment(month(3), MOTHER, "SETTLED", false),
                payment(month(3), FATHER, "SCHEDULED", true),
                payment(month(4), FATHER, "SCHEDULED", false),
                payment(month(5), FATHER, "SCHEDULED", false));
        UUID offsetClaim = UUID.randomUUID();
        List<LedgerAssembly.ClaimRow> claims = List.of(claim(month(2), 8000, 8000, UUID.randomUUID()),
                claim(month(3), 8000, 5000, offsetClaim));
        UUID otherPayment = UUID.randomUUID();
        List<Ledger.OffsetEntry> offsets = List.of(new Ledger.OffsetEntry(offsetClaim, otherPayment, 3000, null, null));

        Ledger ledger = LedgerAssembly.assemble(Ledger.HOUSEHOLD, "H-1", TODAY, 10, List.of(ID), Map.of(ID, state),
                payments, claims, offsets);

        Ledger.EntitlementLedger entitlement = ledger.entitlements().get(0);
        assertThat(entitlement.decisionId()).isEqualTo("D-2");
        assertThat(entitlement.periods()).extracting(Ledger.PeriodLedger::periodStart)
                .containsExactly(month(1), month(2), month(3), month(4), month(5));
        Ledger.PeriodLedger march = entitlement.periods().get(2);
        assertThat(march.owedTo()).isEqualTo(FATHER);
        assertThat(march.dueDate()).isEqualTo(LocalDate.of(2026, 4, 10));
        // owed, paid, scheduled, claimed, recovered, difference
        assertThat(figures(march, MOTHER)).containsExactly(0L, 8000L, 0L, 8000L, 3000L, 0L);
        assertThat(figures(march, FATHER)).containsExactly(8000L, 0L, 8000L, 0L, 0L, 8000L);
        assertThat(march.claims().get(0).offsets()).extracting(Ledger.OffsetEntry::paymentId).containsExactly(otherPayment);
        Ledger.PeriodLedger february = entitlement.periods().get(1);
        assertThat(figures(february, MOTHER)).containsExactly(0L, 8000L, 0L, 8000L, 0L, 0L);
        assertThat(figures(february, FATHER)).containsExactly(8000L, 8000L, 0L, 0L, 0L, 0L);
        Ledger.PeriodLedger january = entitlement.periods().get(0);
        assertThat(figures(january, MOTHER)).containsExactly(8000L, 8000L, 0L, 0L, 0L, 0L);

        Ledger.PersonFigures her = ledger.people().stream().filter(p -> p.personId().equals(MOTHER)).findFirst().get();
        Ledger.PersonFigures him = ledger.people().stream().filter(p -> p.personId().equals(FATHER)).findFirst().get();
        assertThat(List.of(her.owedCents(), her.paidCents(), her.claimedCents(), her.recoveredCents(), her.differenceCents()))
                .containsExactly(8000L, 24000L, 16000L, 3000L, 0L);
        assertThat(List.of(him.owedCents(), him.paidCents(), him.scheduledCents(), him.differenceCents()))
                .containsExactly(32000L, 8000L, 24000L, 24000L);
        assertThat(entitlement.totals().differenceCents()).isEqualTo(24000L);
        assertThat(ledger.totals()).isEqualTo(entitlement.totals());
        assertThat(entitlement.totals().owedCents()).isEqualTo(40000L);
        assertThat(entitlement.totals().paidCents()).isEqualTo(32000L);
    }

    @Test
    void anEntitlementKnownOnlyFromAClaimShowsTheClaimAndNothingOwed() {
        UUID unknown = UUID.randomUUID();
        Ledger ledger = LedgerAssembly.assemble(Ledger.PERSON, MOTHER, TODAY, 10, List.of(unknown), Map.of(), List.of(),
                List.of(new LedgerAssembly.ClaimRow(unknown, month(1), month(1).withDayOfMonth(31),
                        new Ledger.ClaimEntry(UUID.randomUUID(), MOTHER, 5000, 0, 5000, "REVOKED", "D-9", "why", "OPEN",
                                null, null, List.of()))),
                List.of());

        assertThat(ledger.entitlements()).singleElement().satisfies(e -> {
            assertThat(e.benefit()).isNull();
            assertThat(e.totals().claimedCents()).isEqualTo(5000);
            assertThat(e.totals().differenceCents()).isEqualTo(5000);
        });
    }

    /**
     * January was claimed back from the mother (revoked), recovered in full by offsets, then owed to her again: the
     * released claim claims nothing, and the refund of the 80.00 EUR offsets took is shown but not counted as paid.
     */
    @Test
    void aReleasedClaimClaimsNothingAndItsRefundIsNotPaidForThePeriod() {
        EntitlementState state = new EntitlementState();
        state.entitlementId = ID;
        state.benefit = "CHILD_ALLOWANCE";
        state.status = EntitlementState.GRANTED;
        state.monthly = true;
        state.recipientId = MOTHER;
        state.periods = List.of(new EntitlementState.Period(month(1), month(1).withDayOfMonth(31), 8000, MOTHER));
        UUID claimId = UUID.randomUUID();
        LedgerAssembly.PaymentRow refund = new LedgerAssembly.PaymentRow(ID, month(1), month(1).withDayOfMonth(31),
                new Ledger.PaymentEntry(UUID.randomUUID(), MOTHER, "SCHEDULED", false, 8000, 0, 8000, TODAY, "corr-1",
                        null, null, null, null, null, claimId, List.of()));
        LedgerAssembly.ClaimRow released = new LedgerAssembly.ClaimRow(ID, month(1), month(1).withDayOfMonth(31),
                new Ledger.ClaimEntry(claimId, MOTHER, 8000, 8000, 0, "REVOKED", "D-2", "why", "CANCELLED", null, null,
                        List.of()));

        Ledger ledger = LedgerAssembly.assemble(Ledger.PERSON, MOTHER, TODAY, 10, List.of(ID), Map.of(ID, state),
                List.of(payment(month(1), MOTHER, "SETTLED", false), refund), List.of(released), List.of());

        Ledger.PeriodLedger january = ledger.entitlements().get(0).periods().get(0);
        // owed, paid, scheduled, claimed, recovered, difference
        assertThat(figures(january, MOTHER)).containsExactly(8000L, 8000L, 0L, 0L, 0L, 0L);
        assertThat(january.payments()).extracting(Ledger.PaymentEntry::refundOfClaim).containsExactly(null, claimId);
        assertThat(january.claims().get(0).releasedCents()).isEqualTo(8000L);
    }

    @Test
    void nothingKnownIsAnEmptyLedger() {
        Ledger ledger = LedgerAssembly.assemble(Ledger.HOUSEHOLD, "H-0", TODAY, 10, List.of(), Map.of(), List.of(),
                List.of(), List.of());
        assertThat(ledger.entitlements()).isEmpty();
        assertThat(ledger.people()).isEmpty();
        assertThat(ledger.totals()).isEqualTo(new Ledger.Figures(0, 0, 0, 0, 0, 0, 0, 0));
    }

    private static List<Long> figures(Ledger.PeriodLedger period, String personId) {
        Ledger.PersonFigures p = period.people().stream().filter(f -> f.personId().equals(personId)).findFirst()
                .orElseThrow();
        return List.of(p.owedCents(), p.paidCents(), p.scheduledCents(), p.claimedCents(), p.recoveredCents(),
                p.differenceCents());
    }

    private static LocalDate month(int month) {
        return LocalDate.of(2026, month, 1);
    }

    private static LedgerAssembly.PaymentRow payment(LocalDate month, String recipient, String status, boolean topUp) {
        return new LedgerAssembly.PaymentRow(ID, month, month.withDayOfMonth(month.lengthOfMonth()),
                new Ledger.PaymentEntry(UUID.randomUUID(), recipient, status, topUp, 8000, 0, 8000,
                        month.plusMonths(1).withDayOfMonth(10), "corr-1", null, null, null, null, null, null,
                        List.of()));
    }

    private static LedgerAssembly.ClaimRow claim(LocalDate month, long amount, long remaining, UUID claimId) {
        return new LedgerAssembly.ClaimRow(ID, month, month.withDayOfMonth(month.lengthOfMonth()),
                new Ledger.ClaimEntry(claimId, MOTHER, amount, 0, remaining, "RECIPIENT_DIED", "D-2", "why", "OPEN", null,
                        null, List.of()));
    }
}
