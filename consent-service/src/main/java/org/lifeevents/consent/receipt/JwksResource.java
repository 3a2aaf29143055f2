package org.lifeevents.consent.receipt;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys that sign consent receipts, for anyone to verify one without asking us. */
@Path("/.well-known/jwks.json")
@PermitAll
@Tag(name = "Consent receipts")
public class JwksResource {

    @Inject
    SigningKeys keys;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receipt signing keys (JWKS)", description = "Every key that signed a receipt, the current one first; keys are never removed, so old receipts still verify. No login needed.")
    @APIResponse(responseCode = "200", description = "The key set", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "keys", value = """
            {"keys": [{"kty": "EC", "kid": "q3ohWw8NfCsn1Zq8bq0xYV3Yj0l3o2s9mSx4XyGk8uQ", "use": "sig", "alg": "ES256",
              "crv": "P-256", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]}""")))
    public Response jwks() {
        return Response.ok(keys.publishedJwks()).header("Cache-Control", "public, max-age=300").build();
    }
}
