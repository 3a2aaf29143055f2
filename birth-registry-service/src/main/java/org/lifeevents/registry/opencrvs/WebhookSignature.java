package org.lifeevents.registry.opencrvs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OpenCRVS's webhook signature, as its webhooks service computes it ({@code createRequestSignature} in
 * opencrvs-core {@code packages/webhooks/src/features/event/service.ts}): HMAC-SHA256 with the subscriber's
 * {@code sha_secret} over {@code "sha256:" + encodeURIComponent(body)}, sent as {@code X-Hub-Signature: sha256=<hex>}.
 * The body is percent-encoded before it is signed, so the bytes signed are ASCII whatever the body's characters.
 */
public final class WebhookSignature {

    /** The header OpenCRVS's webhook worker ({@code packages/webhooks/src/processor.ts}) sends the signature in. */
    public static final String HEADER = "X-Hub-Signature";
    private static final String VERSION = "sha256";

    private WebhookSignature() {
    }

    /** The header value OpenCRVS sends for this body. */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((VERSION + ":" + encodeUriComponent(body)).getBytes(StandardCharsets.US_ASCII));
            return VERSION + "=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether the header is the signature of this body; compared in constant time. */
    public static boolean matches(String secret, String body, String header) {
        if (header == null || body == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII),
                header.trim().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * JavaScript's {@code encodeURIComponent}: UTF-8 percent-encoding that keeps {@code A-Z a-z 0-9 - _ . ! ~ * ' ( )}.
     * {@link URLEncoder} differs in the space ({@code +}) and in {@code ! ~ ' ( )}, which it encodes.
     */
    static String encodeUriComponent(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%21", "!")
                .replace("%27", "'")
                .replace("%28", "(")
                .replace("%29", ")")
                .replace("%7E", "~");
    }
}
