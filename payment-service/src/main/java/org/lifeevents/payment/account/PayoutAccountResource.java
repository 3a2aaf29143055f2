package org.lifeevents.payment.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
    public AccountView mine() {
        return accounts.of(me.personId()).map(AccountView::of)
                .orElseThrow(() -> ProblemException.notFound("no_payout_account",
                        "No payout account is known for you. Set one so your benefits can be paid."));
    }

    @PUT
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Set or change my payout account (IBAN)")
    public AccountView set(@NotNull @Valid AccountRequest request) {
        return AccountView.of(accounts.setByCitizen(me.personId(), request.iban(), CorrelationId.current()));
    }

    public record AccountRequest(@NotNull @ValidIban String iban) {
    }

    public record AccountView(String iban, String source, java.time.LocalDate since) {
        static AccountView of(PayoutAccount account) {
            return new AccountView(account.iban, account.source, account.since);
        }
    }
}
