package org.lifeevents.eligibility.taxfeed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/** The tax authority's feed (machine client {@code tax-feed}): assessed incomes and refund accounts. */
@Path("/tax-feed")
@Authenticated
@Tag(name = "Tax authority feed")
public class TaxFeedResource {

    @Inject
    TaxFeedService feed;

    @POST
    @Path("/incomes")
    @RolesAllowed(Roles.TAX_FEED)
    @Operation(summary = "Publish assessed taxable incomes (all or none); a repeated assessment is received once")
    @APIResponse(responseCode = "200", description = "What became of each assessment")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named")
    @APIResponse(responseCode = "409", description = "An assessment id reused with other figures")
    public FeedReceipt incomes(@Valid @NotNull IncomeBatch batch) {
        return feed.incomes(batch);
    }

    @POST
    @Path("/refund-accounts")
    @RolesAllowed(Roles.TAX_FEED)
    @Operation(summary = "Publish refund accounts on record (all or none); the payment service uses them as payout "
            + "accounts while the citizen has given none")
    @APIResponse(responseCode = "200", description = "What became of each account")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named")
    public FeedReceipt refundAccounts(@Valid @NotNull RefundAccountBatch batch) {
        return feed.refundAccounts(batch);
    }
}
