package org.lifeevents.portal.services.payment;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.lifeevents.portal.services.AccessTokenForwarder;
import org.lifeevents.portal.services.ServiceException;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** Every call the portal makes to the payment service, with the signed-in person's token. */
@RegisterRestClient(configKey = "payment-service")
@RegisterClientHeaders(AccessTokenForwarder.class)
public interface PaymentClient {

    String NAME = "payment-service";

    /** 404 with code {@code no_payout_account} when none is known. */
    @GET
    @Path("/me/payout-account")
    PayoutAccount payoutAccount();

    @PUT
    @Path("/me/payout-account")
    PayoutAccount setPayoutAccount(PayoutAccount.Request request);

    @GET
    @Path("/me/payments")
    List<Payment> payments();

    /** The signed-in citizen's own ledger. */
    @GET
    @Path("/me/ledger")
    Ledger myLedger();

    /** Caseworkers and auditors; a household unknown to the payment service has an empty ledger. */
    @GET
    @Path("/ledger/households/{householdId}")
    Ledger householdLedger(@PathParam("householdId") String householdId);

    /** Caseworkers and auditors; 400 naming {@code personId} when it is not a person id. */
    @GET
    @Path("/ledger/persons/{personId}")
    Ledger personLedger(@PathParam("personId") String personId);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceException.from(NAME, response);
    }
}
