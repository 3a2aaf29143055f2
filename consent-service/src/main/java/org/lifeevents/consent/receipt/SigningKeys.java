package org.lifeevents.consent.receipt;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.Use;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The key that signs consent receipts, and every public key that ever signed one (the published JWKS).
 * <p>
 * Production configures the key ({@link ReceiptConfig#signingKeyPem()}); only its public part is stored. Without one,
 * and only when {@link ReceiptConfig#generateKeyIfMissing()} allows it (the local stack, tests), a key is generated on
 * the first start and kept in the database, so receipts issued yesterday still verify today.
 */
@ApplicationScoped
public class SigningKeys {

    public static final String ALGORITHM = AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    @Inject
    Clock clock;

    @Inject
    ReceiptConfig config;

    @Inject
    EntityManager entityManager;

    private volatile PublicJsonWebKey active;

    /** Fails the start when there is no usable key, rather than the first grant. */
    void onStart(@Observes StartupEvent start) {
        PublicJsonWebKey key = active();
        LOG.infof("Consent receipts are signed with key %s", key.getKeyId());
    }

    /** The key that signs new receipts, with its private part. */
    public PublicJsonWebKey active() {
        PublicJsonWebKey key = active;
        if (key == null) {
            synchronized (this) {
                key = active;
                if (key == null) {
                    key = QuarkusTransaction.requiringNew().call(this::loadOrCreate);
                    active = key;
                }
            }
        }
        return key;
    }

    /** The JWKS: every public key that signed receipts, the active one first. */
    public String publishedJwks() {
        List<SigningKey> stored = QuarkusTransaction.joiningExisting().call(() -> SigningKey.<SigningKey> list(
                "order by createdAt desc, keyId"));
        List<JsonWebKey> keys = new ArrayList<>();
        String activeId = active().getKeyId();
        for (SigningKey key : stored) {
            JsonWebKey jwk = publicJwk(key.publicJwk);
            if (jwk.getKeyId().equals(activeId)) {
                keys.add(0, jwk);
            } else {
                keys.add(jwk);
            }
        }
        return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    PublicJsonWebKey loadOrCreate() {
        // One instance writes; others starting at the same time wait here and then find its row.
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext('receipt_signing_key'))").getSingleResult();
        if (config.signingKeyPem().isPresent()) {
            PublicJsonWebKey key = fromPem(config.signingKeyPem().get());
            remember(key, null, SigningKey.CONFIGURED);
            return key;
        }
        if (!config.generateKeyIfMissing()) {
            throw new IllegalStateException("No consent receipt signing key: set lifeevents.receipts.signing-key-pem "
                    + "(LIFEEVENTS_RECEIPTS_SIGNING_KEY_PEM) to an EC P-256 key pair in PEM; see the service README");
        }
        List<SigningKey> generated = SigningKey.list("source = ?1 and privateKey is not null order by createdAt desc",
                SigningKey.GENERATED);
        LOG.warn("Consent receipts are signed with a key kept in the service's database: fine for the local stack and "
                + "tests, not for production (set lifeevents.receipts.signing-key-pem)");
        if (!generated.isEmpty()) {
            SigningKey stored = generated.get(0);
            PublicJsonWebKey key = (PublicJsonWebKey) publicJwk(stored.publicJwk);
            key.setPrivateKey(Pem.ecPrivateKey(stored.privateKey));
            return key;
        }
        try {
            EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            describe(key);
            remember(key, Pem.encode(Pem.PRIVATE_KEY, key.getPrivateKey().getEncoded()), SigningKey.GENERATED);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("Could not generate a receipt signing key", e);
        }
    }

    /** Reads a configured key pair and checks that its two halves belong together and are P-256. */
    static PublicJsonWebKey fromPem(String pem) {
        PrivateKey privateKey = Pem.ecPrivateKey(pem);
        PublicKey publicKey = Pem.ecPublicKey(pem);
        if (!(publicKey instanceof ECPublicKey ec)
                || !EllipticCurves.P_256.equals(EllipticCurves.getName(ec.getParams().getCurve()))) {
            throw new IllegalArgumentException("the receipt signing key must be on curve P-256 (ES256)");
        }
        EllipticCurveJsonWebKey key = new EllipticCurveJsonWebKey(ec);
        key.setPrivateKey(privateKey);
        if (!pairMatches(privateKey, publicKey)) {
            throw new IllegalArgumentException("the PRIVATE KEY and PUBLIC KEY blocks are not one key pair");
        }
        describe(key);
        return key;
    }

    private static boolean pairMatches(PrivateKey privateKey, PublicKey publicKey) {
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void describe(PublicJsonWebKey key) {
        key.setKeyId(key.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256));
        key.setUse(Use.SIGNATURE);
        key.setAlgorithm(ALGORITHM);
    }

    private void remember(PublicJsonWebKey key, String privatePem, String source) {
        if (SigningKey.findById(key.getKeyId()) != null) {
            return;
        }
        SigningKey stored = new SigningKey();
        stored.keyId = key.getKeyId();
        stored.algorithm = ALGORITHM;
        stored.publicJwk = key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        stored.privateKey = privatePem;
        stored.source = source;
        stored.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        stored.persist();
    }

    private static JsonWebKey publicJwk(String json) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(json);
        } catch (JoseException e) {
            throw new IllegalStateException("A stored receipt signing key is not a JWK", e);
        }
    }
}
