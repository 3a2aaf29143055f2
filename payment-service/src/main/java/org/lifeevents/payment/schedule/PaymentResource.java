package org.lifeevents.payment.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.money.Cents;
import org.lifeevents.common.security.CurrentPerson;
import org.lifeevents.common.security.Roles;
import org.lifeevents.payment.account.PayoutAccount;
import org.lifeevents.payment.bank.Pain001Writer;
import org.lifeevents.payment.recovery.PaymentOffset;
import org.lifeevents.payment.recovery.RecoveryClaim;

import io.quarkus.security.Authenticated;

/** The citizen's payments: what, for which period, how much, when, where it stands, and any recovery offset. */
@Path("/me/payments")
@Authenticated
@Tag(name = "Payments")
public class PaymentResource {

    @Inject
    CurrentPerson me;

    @GET
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "My payments: amount, period, benefit, date, status, EndToEndId and recovery offsets")
    public List<PaymentView> mine() {
        String personId = me.personId();
        List<Payment> payments = Payment.list(
                "recipientId = ?1 and status <> 'CANCELLED' order by dueDate desc, periodStart desc, topUpVersion", personId);
        Map<UUID, List<PaymentOffset>> offsets = PaymentOffset.<PaymentOffset> list(
                "paymentId in (select p.paymentId from Payment p where p.recipientId = ?1)", personId).stream()
                .collect(Collectors.groupingBy(o -> o.paymentId));
        Map<UUID, RecoveryClaim> claims = offsets.isEmpty() ? Map.of()
                : RecoveryClaim.<RecoveryClaim> list("debtorId", personId).stream()
                        .collect(Collectors.toMap(c -> c.claimId, c -> c));
        boolean accountKnown = PayoutAccount.findById(personId) != null;
        return payments.stream().map(p -> PaymentView.of(p, offsets.getOrDefault(p.paymentId, List.of()), claims,
                accountKnown)).toList();
    }

    /** One payment as the citizen sees it. */
    public record PaymentView(UUID paymentId, UUID entitlementId, String benefit, LocalDate periodStart,
            LocalDate periodEnd, boolean topUp, long grossCents, long offsetCents, long amountCents, String amount,
            String status, String waitingFor, LocalDate dueDate, Instant sentAt, Instant settledAt, String reasonCode,
            String endToEndId, String remittanceInformation, List<OffsetView> offsets) {

        static PaymentView of(Payment p, List<PaymentOffset> offsets, Map<UUID, RecoveryClaim> claims,
                boolean accountKnown) {
            String waitingFor = null;
            if (Payment.SCHEDULED.equals(p.status)) {
                waitingFor = accountKnown ? "DUE_DATE" : "PAYOUT_ACCOUNT";
            } else if (Payment.HELD.equals(p.status)) {
                waitingFor = "RECIPIENT_DECEASED";
            }
            return new PaymentView(p.paymentId, p.entitlementId, p.benefit, p.periodStart, p.periodEnd, p.isTopUp(),
                    p.grossCents, p.offsetCents, p.amountCents, Cents.format(p.amountCents), p.status, waitingFor,
                    p.dueDate, p.sentAt, p.settledAt, p.reasonCode, p.correlationId, Pain001Writer.remittance(p),
                    offsets.stream().map(o -> {
                        RecoveryClaim claim = claims.get(o.claimId);
                        return new OffsetView(o.claimId, o.amountCents, claim == null ? null : claim.reason,
                                claim == null ? null : claim.explanation);
                    }).toList());
        }
    }

    /** A recovery claim offset against the payment. */
    public record OffsetView(UUID claimId, long amountCents, String reason, String explanation) {
    }
}
