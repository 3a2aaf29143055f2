package org.lifeevents.payment.recovery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.identity.ValidPersonId;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/** Recovery claims for caseworkers and auditors: what is still open, and how much of each was offset. */
@Path("/claims")
@Authenticated
@Tag(name = "Recovery claims")
public class ClaimResource {

    @GET
    @RolesAllowed({ Roles.CASEWORKER, Roles.AUDITOR })
    @Operation(summary = "Recovery claims, oldest first; status=OPEN lists what could not (yet) be offset against payments")
    public List<ClaimView> list(
            @QueryParam("status") @Pattern(regexp = "OPEN|SETTLED|CANCELLED") @Schema(example = "OPEN") String status,
            @QueryParam("debtorId") @ValidPersonId String debtorId) {
        StringBuilder query = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        if (debtorId != null) {
            query.append(" and debtorId = :debtor");
            params.put("debtor", debtorId);
        }
        query.append(" order by receivedAt, claimId");
        return RecoveryClaim.<RecoveryClaim> find(query.toString(), params).page(0, 1000).list().stream()
                .map(ClaimView::of).toList();
    }

    /** One claim: how much, why, and how much is still to recover. */
    public record ClaimView(UUID claimId, UUID entitlementId, String debtorId, LocalDate periodStart, LocalDate periodEnd,
            long amountCents, long offsetCents, long remainingCents, String reason, String explanation, String status,
            Instant receivedAt, Instant settledAt, Instant cancelledAt, String cancelledBy, String cancellationReason) {
        static ClaimView of(RecoveryClaim c) {
            return new ClaimView(c.claimId, c.entitlementId, c.debtorId, c.periodStart, c.periodEnd, c.amountCents,
                    c.amountCents - c.remainingCents, c.remainingCents, c.reason, c.explanation, c.status, c.receivedAt,
                    c.settledAt, c.cancelledAt, c.cancelledBy, c.cancellationReason);
        }
    }
}
