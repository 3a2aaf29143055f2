package org.lifeevents.payment.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.money.Cents;
import org.lifeevents.common.security.CurrentPerson;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/** The citizen's payments. */
@Path("/me/payments")
@Authenticated
@Tag(name = "Payments")
public class PaymentResource {

    @Inject
    CurrentPerson me;

    @GET
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "My payments: amount, period, benefit, date, status and reference")
    public List<PaymentView> mine() {
        return Payment.<Payment> list("recipientId = ?1 order by dueDate desc, periodStart desc", me.personId()).stream()
                .map(PaymentView::of).toList();
    }

    public record PaymentView(UUID paymentId, UUID entitlementId, String benefit, LocalDate periodStart, LocalDate periodEnd,
            long amountCents, String amount, String status, LocalDate dueDate, String endToEndId) {
        static PaymentView of(Payment payment) {
            return new PaymentView(payment.paymentId, payment.entitlementId, payment.benefit, payment.periodStart,
                    payment.periodEnd, payment.amountCents, Cents.format(payment.amountCents), payment.status,
                    payment.dueDate, payment.correlationId);
        }
    }
}
