package org.lifeevents.consent.receipt;

import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.lifeevents.consent.DemoPeople.EVA;

/**
 * Each grant and revocation yields a Kantara v1.1 receipt signed by the service. The receipts are verified here with
 * Nimbus JOSE+JWT (the service signs with jose4j) from nothing but the published JWKS.
 */
@QuarkusTest
class ReceiptTest {

    @ConfigProperty(name = KeycloakTestResource.REALM_URL)
    String realmUrl;

    @Inject
    SigningKeys keys;

    @Inject
    EntityManager entityManager;

    @Test
    void theGrantReceiptCarriesTheKantaraFieldsAndVerifiesWithThePublishedKeysAlone() throws Exception {
        String eva = new KeycloakTokens(realmUrl).person("eva");
        var granted = given().auth().oauth2(eva).contentType(ContentType.JSON)
                .body(Map.of("purpose", "FAMILY_BENEFITS", "dataCategories", List.of("TAX_INCOME", "HOUSEHOLD"),
                        "validUntil", "2099-01-01T00:00:00Z"))
                .post("/me/consents").then().statusCode(201).extract();
        String consentId = granted.path("consentId");
        String receiptId = granted.path("receiptId");

        String jws = given().auth().oauth2(eva).accept("application/jose")
                .get("/me/consents/" + consentId + "/receipt")
                .then().statusCode(200).contentType("application/jose").extract().asString();
        SignedJWT receipt = verified(jws);

        assertThat(receipt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        JWTClaimsSet claims = receipt.getJWTClaimsSet();
        assertThat(claims.getJWTID()).isEqualTo(receiptId);
        assertThat(claims.getSubject()).isEqualTo(EVA);
        assertThat(claims.getIssuer()).isNotBlank();
        assertThat(claims.getStringClaim("version")).isEqualTo("KI-CR-v1.1.0");
        assertThat(claims.getStringClaim("jurisdiction")).isEqualTo("EE");
        assertThat(claims.getLongClaim("consentTimestamp")).isPositive();
        assertThat(claims.getStringClaim("collectionMethod")).isNotBlank();
        assertThat(claims.getStringClaim("consentReceiptID")).isEqualTo(receiptId);
        assertThat(claims.getStringClaim("language")).isEqualTo("en");
        assertThat(claims.getStringClaim("piiPrincipalId")).isEqualTo(EVA);
        assertThat(claims.getStringClaim("policyUrl")).startsWith("https://");
        assertThat(claims.getBooleanClaim("sensitive")).isFalse();
        assertThat(claims.getListClaim("spiCat")).isEmpty();
        Map<String, Object> controller = (Map<String, Object>) claims.getListClaim("piiControllers").get(0);
        assertThat(controller).containsKeys("piiController", "contact", "address", "email", "phone", "piiControllerUrl");
        Map<String, Object> service = (Map<String, Object>) claims.getListClaim("services").get(0);
        assertThat(service.get("service")).isNotNull();
        Map<String, Object> purpose = ((List<Map<String, Object>>) service.get("purposes")).get(0);
        assertThat(purpose.get("purposeCategory")).isEqualTo(List.of("1 - Core Function"));
        assertThat(purpose.get("piiCategory")).isEqualTo(List.of("7 - Financial", "1 - Biographical"));
        assertThat(purpose.get("consentType")).isEqualTo("EXPLICIT");
        assertThat((String) purpose.get("termination")).contains("2099-01-01T00:00:00Z");
        assertThat(claims.getStringClaim("receiptKind")).isEqualTo("GRANT");
        assertThat(claims.getJSONObjectClaim("consent")).containsEntry("consentId", consentId)
                .containsEntry("dataCategories", List.of("TAX_INCOME", "HOUSEHOLD"));

        // The receipt's publicKey is the key that verifies it.
        ECKey signer = publishedKeys().getKeyByKeyId(receipt.getHeader().getKeyID()).toECKey();
        ECPublicKey embedded = (ECPublicKey) Pem.ecPublicKey(claims.getStringClaim("publicKey"));
        assertThat(embedded.getW()).isEqualTo(signer.toECPublicKey().getW());

        // A single changed character of the payload breaks the signature.
        String[] parts = jws.split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, 10) + (parts[1].charAt(10) == 'A' ? 'B' : 'A')
                + parts[1].substring(11) + "." + parts[2];
        assertThat(SignedJWT.parse(forged).verify(new ECDSAVerifier(signer))).isFalse();
    }

    @Test
    void aRevocationYieldsItsOwnSignedReceiptAndTheGrantReceiptStaysAvailable() throws Exception {
        String eva = new KeycloakTokens(realmUrl).person("eva");
        String consentId = given().auth().oauth2(eva).contentType(ContentType.JSON)
                .body(Map.of("purpose", "FAMILY_BENEFITS", "dataCategories", List.of("HOUSEHOLD")))
                .post("/me/consents").then().statusCode(201).extract().path("consentId");
        String revocationReceiptId = given().auth().oauth2(eva).post("/me/consents/" + consentId + "/revoke")
                .then().statusCode(200).extract().path("revocationReceiptId");

        var view = given().auth().oauth2(eva).accept(ContentType.JSON).get("/me/consents/" + consentId + "/receipt")
                .then().statusCode(200)
                .body("receiptId", equalTo(revocationReceiptId))
                .body("kind", equalTo("REVOCATION"))
                .body("header.alg", equalTo("ES256"))
                .body("receipt.receiptKind", equalTo("REVOCATION"))
                .body("receipt.consentReceiptID", equalTo(revocationReceiptId))
                .body("receipt.consent.revokedAt", notNullValue())
                .extract();
        JWTClaimsSet claims = verified(view.path("jws")).getJWTClaimsSet();
        assertThat(claims.getStringClaim("receiptKind")).isEqualTo("REVOCATION");
        assertThat(claims.getStringClaim("piiPrincipalId")).isEqualTo(EVA);

        given().auth().oauth2(eva).accept(ContentType.JSON).queryParam("kind", "GRANT")
                .get("/me/consents/" + consentId + "/receipt")
                .then().statusCode(200).body("kind", equalTo("GRANT")).body("receipt.receiptKind", equalTo("GRANT"));
        given().auth().oauth2(eva).accept(ContentType.JSON).queryParam("kind", "BOGUS")
                .get("/me/consents/" + consentId + "/receipt")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", equalTo(List.of("kind")));
    }

    @Test
    void theSigningKeyIsKeptSoReceiptsVerifyAfterARestartAndOnlyPublicPartsArePublished() throws Exception {
        String kid = keys.active().getKeyId();
        long keysBefore = storedKeys();

        // What a restart does: load the key again from the database. It must be the same key, not a new one.
        var reloaded = QuarkusTransaction.requiringNew().call(() -> keys.loadOrCreate());
        assertThat(reloaded.getKeyId()).isEqualTo(kid);
        assertThat(reloaded.getPrivateKey()).isNotNull();
        assertThat(storedKeys()).isEqualTo(keysBefore);

        String jwks = given().get("/.well-known/jwks.json").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age")).extract().asString();
        JWKSet set = JWKSet.parse(jwks);
        assertThat(set.getKeyByKeyId(kid)).isNotNull();
        assertThat(set.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(jwks).doesNotContain("\"d\"");
    }

    private SignedJWT verified(String jws) throws Exception {
        SignedJWT jwt = SignedJWT.parse(jws);
        ECKey key = publishedKeys().getKeyByKeyId(jwt.getHeader().getKeyID()).toECKey();
        assertThat(jwt.verify(new ECDSAVerifier(key))).as("signature verifies with the published key").isTrue();
        return jwt;
    }

    private static JWKSet publishedKeys() throws Exception {
        return JWKSet.parse(given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString());
    }

    private long storedKeys() {
        return ((Number) entityManager.createNativeQuery("select count(*) from receipt_signing_key").getSingleResult())
                .longValue();
    }
}
