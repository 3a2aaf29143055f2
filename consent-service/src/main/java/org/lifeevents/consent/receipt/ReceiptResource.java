package org.lifeevents.consent.receipt;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.problem.Problem.FieldError;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.common.security.CurrentPerson;
import org.lifeevents.common.security.Roles;
import org.lifeevents.consent.consent.ConsentService;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.Authenticated;

/** The citizen downloads the signed receipt of a grant or a revocation of their own consent. */
@Path("/me/consents/{consentId}/receipt")
@Authenticated
@Tag(name = "Consent receipts", description = "Signed Kantara v1.1 consent receipts, verifiable with the published keys")
public class ReceiptResource {

    /** The media type of a compact JWS (RFC 7515). */
    public static final String JOSE = "application/jose";

    @Inject
    ConsentService consents;

    @Inject
    CurrentPerson me;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "My consent's receipt, decoded", description = "The latest receipt (the revocation's once revoked), or the one of the given kind. Ask with Accept: application/jose for the bare compact JWS.")
    @APIResponse(responseCode = "200", description = "The receipt with its signed original")
    @APIResponse(responseCode = "404", description = "No such consent of mine, or no receipt of that kind yet")
    public ReceiptView decoded(@PathParam("consentId") UUID consentId,
            @Parameter(description = "GRANT or REVOCATION; default the latest") @QueryParam("kind") String kind) {
        ConsentReceipt receipt = find(consentId, kind);
        String[] parts = receipt.jws.split("\\.");
        return new ReceiptView(receipt.receiptId, receipt.consentId, receipt.kind, receipt.issuedAt, receipt.keyId,
                receipt.jws, decode(parts[0]), decode(parts[1]));
    }

    @GET
    @Produces(JOSE)
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "My consent's receipt as a compact JWS", description = "Exactly as signed; verify it with a key of /.well-known/jwks.json (kid in its header).")
    @APIResponse(responseCode = "200", description = "The compact JWS")
    @APIResponse(responseCode = "404", description = "No such consent of mine, or no receipt of that kind yet")
    public String signed(@PathParam("consentId") UUID consentId,
            @Parameter(description = "GRANT or REVOCATION; default the latest") @QueryParam("kind") String kind) {
        return find(consentId, kind).jws;
    }

    private ConsentReceipt find(UUID consentId, String kind) {
        ReceiptKind wanted = parseKind(kind);
        consents.one(me.personId(), consentId);
        ConsentReceipt receipt = ConsentReceipt.latest(consentId, wanted);
        if (receipt == null) {
            throw ProblemException.notFound("receipt_not_found", "Consent " + consentId + " has no " + kind + " receipt.");
        }
        return receipt;
    }

    private static ReceiptKind parseKind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return ReceiptKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(new FieldError("kind", "unknown_value", "must be GRANT or REVOCATION")));
        }
    }

    private Map<String, Object> decode(String part) {
        try {
            return json.readValue(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8),
                    new TypeReference<Map<String, Object>>() {
                    });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A stored receipt is not a JWS", e);
        }
    }
}
