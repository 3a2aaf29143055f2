package org.lifeevents.payment.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.security.CurrentPerson;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/**
 * The family ledger: a household's or a person's money in one place, read-only. Caseworkers and auditors read anyone's;
 * a citizen reads their own. A household or person this service has no money for has an empty ledger (200), as
 * {@code GET /claims?debtorId=} answers an empty list: the payment service cannot tell an unknown household from one
 * that was never owed anything.
 */
@Path("/")
@Authenticated
@Tag(name = "Family ledger")
public class LedgerResource {

    private static final String EXAMPLE = """
            {"scope": "PERSON", "key": "39205202210", "asOf": "2026-12-01",
             "entitlements": [{"entitlementId": "2d9f5ebf-3c4d-4e6f-8a11-2c3d4e5f6a71", "benefit": "CHILD_ALLOWANCE",
               "beneficiaryId": "62603020013", "householdId": "H-1001", "status": "GRANTED",
               "decisionId": "6c1d0e2f-7a8b-4c9d-8e0f-1a2b3c4d5e6f", "monthly": true, "recipientId": "39205202210",
               "stopReason": null, "lastOwedDate": null,
               "periods": [{"periodStart": "2026-07-01", "periodEnd": "2026-07-31", "dueDate": "2026-08-10",
                 "owedTo": "39205202210", "owedCents": 8000,
                 "people": [{"personId": "39205202210", "owedCents": 8000, "paidCents": 0, "scheduledCents": 8000,
                             "heldCents": 0, "failedCents": 0, "claimedCents": 0, "recoveredCents": 0, "differenceCents": 8000},
                            {"personId": "49403136515", "owedCents": 0, "paidCents": 8000, "scheduledCents": 0,
                             "heldCents": 0, "failedCents": 0, "claimedCents": 8000, "recoveredCents": 0, "differenceCents": 0}],
                 "payments": [{"paymentId": "0190f6a2-7c1e-7d3a-9b2c-4d5e6f708192", "recipientId": "49403136515",
                   "status": "SETTLED", "topUp": false, "grossCents": 8000, "offsetCents": 0, "netCents": 8000,
                   "dueDate": "2026-08-10", "endToEndId": "reg-B-1-corr", "runId": "5b6c7d8e-9f00-4a1b-8c2d-3e4f5a6b7c8d",
                   "fileMessageId": "LE-20260810-0001", "sentAt": "2026-08-10T00:31:00Z", "settledAt": "2026-08-10T00:32:00Z",
                   "reasonCode": null, "offsets": []}],
                 "claims": [{"claimId": "7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b", "debtorId": "49403136515", "amountCents": 8000,
                   "remainingCents": 8000, "reason": "RECIPIENT_DIED", "decisionId": "6c1d0e2f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
                   "explanation": "80.00 EUR was paid to 49403136515 ...", "status": "OPEN",
                   "receivedAt": "2026-11-20T09:00:00Z", "settledAt": null, "offsets": []}]}],
               "totals": {"owedCents": 8000, "paidCents": 8000, "scheduledCents": 8000, "heldCents": 0, "failedCents": 0,
                          "claimedCents": 8000, "recoveredCents": 0, "differenceCents": 8000}}],
             "people": [{"personId": "39205202210", "owedCents": 8000, "paidCents": 0, "scheduledCents": 8000, "heldCents": 0,
                         "failedCents": 0, "claimedCents": 0, "recoveredCents": 0, "differenceCents": 8000},
                        {"personId": "49403136515", "owedCents": 0, "paidCents": 8000, "scheduledCents": 0, "heldCents": 0,
                         "failedCents": 0, "claimedCents": 8000, "recoveredCents": 0, "differenceCents": 0}],
             "totals": {"owedCents": 8000, "paidCents": 8000, "scheduledCents": 8000, "heldCents": 0, "failedCents": 0,
                        "claimedCents": 8000, "recoveredCents": 0, "differenceCents": 8000}}""";

    @Inject
    LedgerQueries ledgers;

    @Inject
    CurrentPerson me;

    @GET
    @Path("ledger/households/{householdId}")
    @RolesAllowed({ Roles.CASEWORKER, Roles.AUDITOR })
    @Operation(summary = "A household's ledger", description = "Every entitlement decided in the household, with each month or one-off period: what the rules owe and to whom, each payment (EndToEndId, file MsgId, status, gross/offset/net), each recovery claim and offset, and per person owed − (paid − claimed); totals per entitlement and per person.")
    @APIResponse(responseCode = "200", description = "The ledger; empty when nothing is known for the household", content = @Content(examples = @ExampleObject(name = "ledger", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not a household id (1 to 40 letters, digits or dashes)")
    public Ledger household(
            @PathParam("householdId") @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String householdId) {
        return ledgers.household(householdId);
    }

    @GET
    @Path("ledger/persons/{personId}")
    @RolesAllowed({ Roles.CASEWORKER, Roles.AUDITOR })
    @Operation(summary = "A person's ledger", description = "Every entitlement where the person is recipient or beneficiary, was paid, or is a debtor, with the same figures as the household's ledger.")
    @APIResponse(responseCode = "200", description = "The ledger; empty when nothing is known for the person", content = @Content(examples = @ExampleObject(name = "ledger", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not a person id (validation_failed, the field error invalid_person_id)")
    public Ledger person(@PathParam("personId") String personId) {
        return ledgers.person(PersonId.requireValid("personId", personId));
    }

    @GET
    @Path("me/ledger")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "My family's money", description = "The signed-in citizen's own ledger: the entitlements where they are recipient or beneficiary, were paid, or are a debtor.")
    @APIResponse(responseCode = "200", description = "The ledger", content = @Content(examples = @ExampleObject(name = "ledger", value = EXAMPLE)))
    public Ledger mine() {
        return ledgers.person(me.personId());
    }
}
