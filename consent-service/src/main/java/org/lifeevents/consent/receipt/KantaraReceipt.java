package org.lifeevents.consent.receipt;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lifeevents.consent.consent.Consent;
import org.lifeevents.consent.consent.DataCategory;
import org.lifeevents.consent.consent.Purpose;

/**
 * The claims of a consent receipt: the fields of the Kantara Initiative Consent Receipt Specification v1.1, the JWT
 * registered claims that make it a signed token ({@code iss}, {@code sub}, {@code iat}, {@code jti}), and, under
 * {@code consent}, the machine-readable consent it is about.
 */
public final class KantaraReceipt {

    public static final String VERSION = "KI-CR-v1.1.0";

    private KantaraReceipt() {
    }

    /**
     * @param receiptId the id of this receipt
     * @param at when the transaction happened (the grant or the revocation)
     * @param publicKeyPem the signing key's public part, for the receipt's {@code publicKey}
     */
    public static Map<String, Object> claims(Consent consent, ReceiptKind kind, UUID receiptId, Instant at,
            ReceiptConfig config, String publicKeyPem) {
        Purpose purpose = Purpose.valueOf(consent.purpose);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", config.issuer());
        claims.put("sub", consent.personId);
        claims.put("iat", at.getEpochSecond());
        claims.put("jti", receiptId.toString());
        claims.put("version", VERSION);
        claims.put("jurisdiction", config.jurisdiction());
        claims.put("consentTimestamp", at.getEpochSecond());
        claims.put("collectionMethod", config.collectionMethod());
        claims.put("consentReceiptID", receiptId.toString());
        claims.put("publicKey", publicKeyPem);
        claims.put("language", config.language());
        claims.put("piiPrincipalId", consent.personId);
        claims.put("piiControllers", List.of(controller(config.controller())));
        claims.put("policyUrl", config.policyUrl());
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("service", config.serviceName());
        service.put("purposes", List.of(purpose(consent, purpose, kind)));
        claims.put("services", List.of(service));
        claims.put("sensitive", false);
        claims.put("spiCat", List.of());
        claims.put("receiptKind", kind.name());
        claims.put("consent", consentClaims(consent, kind));
        return claims;
    }

    private static Map<String, Object> controller(ReceiptConfig.Controller controller) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("piiController", controller.name());
        c.put("onBehalf", false);
        c.put("contact", controller.contact());
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("streetAddress", controller.streetAddress());
        address.put("addressLocality", controller.locality());
        address.put("postalCode", controller.postalCode());
        address.put("addressCountry", controller.country());
        c.put("address", address);
        c.put("email", controller.email());
        c.put("phone", controller.phone());
        c.put("piiControllerUrl", controller.url());
        return c;
    }

    private static Map<String, Object> purpose(Consent consent, Purpose purpose, ReceiptKind kind) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("purpose", purpose.description());
        p.put("purposeCategory", List.of(purpose.kantaraCategory()));
        p.put("consentType", "EXPLICIT");
        p.put("piiCategory", consent.dataCategories.stream()
                .map(c -> DataCategory.valueOf(c).kantaraCategory()).distinct().toList());
        p.put("primaryPurpose", true);
        p.put("termination", termination(consent, kind));
        p.put("thirdPartyDisclosure", false);
        return p;
    }

    static String termination(Consent consent, ReceiptKind kind) {
        if (kind == ReceiptKind.REVOCATION) {
            return "Revoked by the person at " + consent.revokedAt
                    + "; from that moment no decision may use the data under this consent.";
        }
        String end = consent.validUntil == null ? "Until the person revokes it"
                : "Ends at " + consent.validUntil + ", or earlier when the person revokes it";
        return end + " (in the portal, or POST /me/consents/" + consent.consentId
                + "/revoke); a revocation takes effect at once.";
    }

    private static Map<String, Object> consentClaims(Consent consent, ReceiptKind kind) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("consentId", consent.consentId.toString());
        c.put("purpose", consent.purpose);
        c.put("dataCategories", consent.dataCategories);
        c.put("validFrom", consent.validFrom.toString());
        c.put("validUntil", consent.validUntil == null ? null : consent.validUntil.toString());
        c.put("grantedAt", consent.grantedAt.toString());
        if (kind == ReceiptKind.REVOCATION) {
            c.put("revokedAt", consent.revokedAt.toString());
        }
        return c;
    }
}
