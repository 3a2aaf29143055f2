package org.lifeevents.eligibility.decision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The tamper-evident chain of an entitlement's decisions: each decision's hash covers its content and the previous
 * decision's hash, so changing or removing a stored decision breaks every later hash.
 */
public final class DecisionHash {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

    private DecisionHash() {
    }

    public static String of(Decision decision) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("decisionId", decision.decisionId);
        content.put("entitlementId", decision.entitlementId);
        content.put("entitlementKey", decision.entitlementKey);
        content.put("version", decision.version);
        content.put("outcome", decision.outcome);
        content.put("recipientId", decision.recipientId);
        content.put("periods", decision.periods);
        content.put("missing", decision.missing);
        content.put("explanation", decision.explanation);
        content.put("citizenText", decision.citizenText);
        content.put("legalReference", decision.legalReference);
        content.put("ruleVersion", decision.ruleVersion);
        content.put("parameterVersion", decision.parameterVersion);
        content.put("changeReason", decision.changeReason);
        content.put("correlationId", decision.correlationId);
        content.put("decidedAt", decision.decidedAt);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((decision.previousHash == null ? "" : decision.previousHash).getBytes(StandardCharsets.UTF_8));
            sha256.update(JSON.writeValueAsBytes(content));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether every decision's hash matches its content and its predecessor's hash. */
    public static boolean intact(java.util.List<Decision> inOrder) {
        String previous = null;
        for (Decision decision : inOrder) {
            if (decision.hash == null) {
                // decided before the chain existed (walking skeleton); the chain starts after it
                previous = null;
                continue;
            }
            if (!java.util.Objects.equals(previous, decision.previousHash) || !decision.hash.equals(of(decision))) {
                return false;
            }
            previous = decision.hash;
        }
        return true;
    }
}
