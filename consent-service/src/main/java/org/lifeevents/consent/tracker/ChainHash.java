package org.lifeevents.consent.tracker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hashes of the data-access chain. An entry's content hash is SHA-256 of its canonical JSON (keys sorted, no
 * whitespace, instants in ISO-8601 UTC, absent values as null, a format version); its entry hash is SHA-256 of
 * {@code previousHash + ":" + contentHash}, and the first entry of a chain follows {@link #GENESIS}.
 */
public final class ChainHash {

    /** The previous hash of a chain's first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** Bump when the canonical form changes; entries keep the version they were hashed with. */
    static final int FORMAT = 1;

    private static final ObjectMapper CANONICAL = new ObjectMapper();

    private ChainHash() {
    }

    public static String contentHash(EntryContent content) {
        return sha256(canonical(content));
    }

    public static String entryHash(String previousHash, String contentHash) {
        return sha256(previousHash + ":" + contentHash);
    }

    static String canonical(EntryContent c) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("format", FORMAT);
        fields.put("subjectPersonId", c.subjectPersonId());
        fields.put("sequence", c.sequence());
        fields.put("accessId", text(c.accessId()));
        fields.put("eventId", c.eventId());
        fields.put("accessorService", c.accessorService());
        fields.put("dataCategory", c.dataCategory());
        fields.put("purpose", c.purpose());
        fields.put("legalBasis", c.legalBasis());
        fields.put("consentId", text(c.consentId()));
        fields.put("coveredByConsent", c.coveredByConsent());
        fields.put("decisionId", c.decisionId());
        fields.put("details", c.details());
        fields.put("correlationId", c.correlationId());
        fields.put("accessedAt", text(c.accessedAt()));
        fields.put("recordedAt", text(c.recordedAt()));
        try {
            return CANONICAL.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
