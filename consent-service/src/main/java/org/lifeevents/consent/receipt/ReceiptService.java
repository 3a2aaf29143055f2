package org.lifeevents.consent.receipt;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.lifeevents.consent.consent.Consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Issues the signed receipt of a grant or a revocation, in the transaction that makes the change. */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ReceiptService {

    @Inject
    SigningKeys keys;

    @Inject
    ReceiptConfig config;

    @Inject
    ObjectMapper json;

    public ConsentReceipt issue(Consent consent, ReceiptKind kind, UUID receiptId, Instant at) {
        PublicJsonWebKey key = keys.active();
        String publicKeyPem = Pem.encode(Pem.PUBLIC_KEY, key.getPublicKey().getEncoded());
        Map<String, Object> claims = KantaraReceipt.claims(consent, kind, receiptId, at, config, publicKeyPem);
        ConsentReceipt receipt = new ConsentReceipt();
        receipt.receiptId = receiptId;
        receipt.consentId = consent.consentId;
        receipt.personId = consent.personId;
        receipt.kind = kind;
        receipt.issuedAt = at;
        receipt.keyId = key.getKeyId();
        receipt.jws = sign(claims, key);
        receipt.persist();
        return receipt;
    }

    private String sign(Map<String, Object> claims, PublicJsonWebKey key) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(json.writeValueAsString(claims));
            jws.setAlgorithmHeaderValue(SigningKeys.ALGORITHM);
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setHeader("typ", "JWT");
            jws.setKey(key.getPrivateKey());
            return jws.getCompactSerialization();
        } catch (JsonProcessingException | JoseException e) {
            throw new IllegalStateException("Could not sign a consent receipt", e);
        }
    }
}
