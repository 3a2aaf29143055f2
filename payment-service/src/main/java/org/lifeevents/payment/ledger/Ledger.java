package org.lifeevents.payment.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A family's money in one place: per entitlement and period, what the rules owe and to whom, what was paid (with its
 * EndToEndId and file), what was claimed back and offset, and per person the difference. The difference is owed less
 * what was paid net of what is claimed back, so a month paid to a mother whose death was registered late shows zero
 * for her (paid, and claimed) and what the father is still owed.
 *
 * @param scope HOUSEHOLD or PERSON
 * @param key the household id or person id asked for
 * @param asOf the business date the rules were applied on (months are owed through its month)
 */
@Schema(description = "Owed, paid, claimed and offset per entitlement, period and person, with totals")
public record Ledger(String scope, String key, LocalDate asOf, List<EntitlementLedger> entitlements,
        List<PersonFigures> people, Figures totals) {

    public static final String HOUSEHOLD = "HOUSEHOLD";
    public static final String PERSON = "PERSON";

    /**
     * One entitlement: its latest state and decision, and its periods. {@code benefit} and {@code status} are null for
     * an entitlement this service knows only from a recovery claim.
     */
    public record EntitlementLedger(UUID entitlementId, String benefit, String beneficiaryId, String householdId,
            String status, String decisionId, boolean monthly, String recipientId, String stopReason,
            LocalDate lastOwedDate, List<PeriodLedger> periods, Figures totals) {
    }

    /**
     * One month, or the day of a one-off benefit: what the rules owe and to whom ({@code owedTo} null when nothing is
     * owed for it any more), then each person's figures, the payments and the claims.
     */
    public record PeriodLedger(LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate, String owedTo,
            long owedCents, List<PersonFigures> people, List<PaymentEntry> payments, List<ClaimEntry> claims) {
    }

    /**
     * What one person was owed, paid and claimed back, in cents. {@code paidCents} is money committed to a run (gross,
     * offsets included: an offset pays the person by settling another debt); {@code scheduledCents} and
     * {@code heldCents} are still to be paid; {@code claimedCents} is what the claims still claim (released parts
     * excluded); {@code recoveredCents} is the part of that already offset (and not refunded).
     * {@code differenceCents} = owed − (paid − claimed): positive is still owed to the person, negative was paid to
     * them beyond what they are owed and not yet claimed.
     */
    public record PersonFigures(String personId, long owedCents, long paidCents, long scheduledCents, long heldCents,
            long failedCents, long claimedCents, long recoveredCents, long differenceCents) {
    }

    /** The same figures summed over people (an entitlement's, or the whole ledger's). */
    public record Figures(long owedCents, long paidCents, long scheduledCents, long heldCents, long failedCents,
            long claimedCents, long recoveredCents, long differenceCents) {
    }

    /**
     * One payment: {@code endToEndId} is what the pain.001 carried in EndToEndId, {@code fileMessageId} the file's
     * MsgId (null until the payment is in a file); {@code netCents} went to the bank, gross less offsets. A payment with
     * {@code refundOfClaim} pays back what offsets recovered for that claim beyond what is still claimed: it is not
     * counted as paid for the period.
     */
    public record PaymentEntry(UUID paymentId, String recipientId, String status, boolean topUp, long grossCents,
            long offsetCents, long netCents, LocalDate dueDate, String endToEndId, UUID runId, String fileMessageId,
            Instant sentAt, Instant settledAt, String reasonCode, UUID refundOfClaim, List<OffsetEntry> offsets) {
    }

    /**
     * One recovery claim for the period: from whom, how much, how much remains, why and by which decision;
     * {@code releasedCents} of the amount were released as owed to the debtor again and are no longer claimed.
     */
    public record ClaimEntry(UUID claimId, String debtorId, long amountCents, long releasedCents, long remainingCents,
            String reason,
            String decisionId, String explanation, String status, Instant receivedAt, Instant settledAt,
            List<OffsetEntry> offsets) {
    }

    /** A claim offset against a payment (of any entitlement of the debtor). */
    public record OffsetEntry(UUID claimId, UUID paymentId, long amountCents, UUID runId, Instant at) {
    }
}
