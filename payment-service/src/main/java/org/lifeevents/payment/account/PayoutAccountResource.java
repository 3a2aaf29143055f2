package org.lifeevents.payment.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.correlation.CorrelationId;
import org.lifeevents.common.identity.ValidIban;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.common.security.CurrentPerson;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/** The citizen's own payout account. */
@Path("/me/payout-account")
@Authenticated
@Tag(name = "Payout account")
public class PayoutAccountResource {

    @Inject
    PayoutAccountService accounts;

    @Inject
    CurrentPerson me;

    @GET
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Where my benefits are paid")
    @APIResponse(responseCode = "200", description = "My payout account and where it came from (CITIZEN or TAX_AUTHORITY)")
    @APIResponse(responseCode = "404", description = "No account is known: benefits accrue until one is given")
    public AccountView mine() {
        return accounts.of(me.personId()).map(AccountView::of)
                .orElseThrow(() -> ProblemException.notFound("no_payout_account",
                        "No payout account is known for you. Set one so your benefits can be paid."));
    }

    @PUT
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Set or change my payout account (IBAN)")
    @APIResponse(responseCode = "200", description = "The account in force; anything owed and waiting for an account is paid in the next run")
    @APIResponse(responseCode = "400", description = "Not a valid IBAN (country, length, check digits)")
    public AccountView set(@NotNull @Valid AccountRequest request) {
        return AccountView.of(accounts.setByCitizen(me.personId(), request.iban(), CorrelationId.current()));
    }

    /** The citizen's IBAN; spaces and lower case are accepted and normalised before it is checked, nothing else. */
    public record AccountRequest(
            @NotNull @ValidIban @Schema(description = "IBAN, spaces allowed", example = "EE38 2200 2210 2014 5685") String iban) {
        public AccountRequest {
            iban = PayoutAccountService.normalise(iban);
        }
    }

    public record AccountView(String iban, String source, java.time.LocalDate since) {
        static AccountView of(PayoutAccount account) {
            return new AccountView(account.iban, account.source, account.since);
        }
    }
}
