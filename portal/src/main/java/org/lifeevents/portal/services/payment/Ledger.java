package org.lifeevents.portal.services.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A household's or a person's ledger as the payment service answers it ({@code GET /ledger/households/{id}},
 * {@code /ledger/persons/{id}}, {@code /me/ledger}): only the fields the portal shows. The payment service's
 * {@code LedgerTest} checks every field of {@code src/test/resources/contracts/payment-ledger.json}, the answer the
 * portal's tests are served, against its real answer, so a renamed field fails there.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ledger(String scope, String key, LocalDate asOf, List<Entitlement> entitlements, List<Person> people,
        Figures totals) {

    public Ledger {
        entitlements = entitlements == null ? List.of() : entitlements;
        people = people == null ? List.of() : people;
    }

    /** One entitlement with its periods. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entitlement(UUID entitlementId, String benefit, String beneficiaryId, String householdId,
            String status, String decisionId, boolean monthly, String recipientId, List<Period> periods,
            Figures totals) {

        public Entitlement {
            periods = periods == null ? List.of() : periods;
        }
    }

    /** A month or the day of a one-off benefit. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Period(LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate, String owedTo, long owedCents,
            List<Person> people, List<Payment> payments, List<Claim> claims) {

        public Period {
            people = people == null ? List.of() : people;
            payments = payments == null ? List.of() : payments;
            claims = claims == null ? List.of() : claims;
        }
    }

    /** One person's figures, in cents. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(String personId, long owedCents, long paidCents, long scheduledCents, long heldCents,
            long claimedCents, long differenceCents) {
    }

    /** Figures summed over people. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Figures(long owedCents, long paidCents, long claimedCents, long differenceCents) {
    }

    /** One payment with its bank reference (EndToEndId) and file (MsgId). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Payment(UUID paymentId, String recipientId, String status, boolean topUp, long grossCents,
            long offsetCents, long netCents, LocalDate dueDate, String endToEndId, String fileMessageId,
            Instant settledAt, UUID refundOfClaim) {
    }

    /** A recovery claim. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Claim(UUID claimId, String debtorId, long amountCents, long releasedCents, long remainingCents,
            String reason, String decisionId) {
    }
}
