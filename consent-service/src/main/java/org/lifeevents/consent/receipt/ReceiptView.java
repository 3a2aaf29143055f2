package org.lifeevents.consent.receipt;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A signed consent receipt: the compact JWS as issued, and what it says, decoded for reading. */
@Schema(description = "A consent receipt. jws is the signed original (verify it with the keys at /.well-known/jwks.json); header and receipt are its decoded parts.")
public record ReceiptView(UUID receiptId, UUID consentId, ReceiptKind kind, Instant issuedAt, String keyId, String jws,
        Map<String, Object> header, Map<String, Object> receipt) {
}
