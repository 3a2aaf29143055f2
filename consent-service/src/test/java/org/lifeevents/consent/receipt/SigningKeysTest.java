package org.lifeevents.consent.receipt;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.HashUtil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production signing key comes from configuration as PEM; only a matching P-256 pair is accepted. */
class SigningKeysTest {

    @Test
    void aConfiguredPemPairBecomesTheSigningKeyNamedByItsThumbprint() throws Exception {
        KeyPair pair = pair("secp256r1");
        PublicJsonWebKey key = SigningKeys.fromPem(pem(pair, pair));

        assertThat(key.getPrivateKey()).isEqualTo(pair.getPrivate());
        assertThat(key.getKeyId()).isEqualTo(key.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256));
        assertThat(key.getAlgorithm()).isEqualTo("ES256");
        assertThat(key.getUse()).isEqualTo("sig");
    }

    @Test
    void aPemWithEscapedNewlinesAsEnvironmentVariablesOftenHaveIsRead() throws Exception {
        KeyPair pair = pair("secp256r1");
        String escaped = pem(pair, pair).replace("\n", "\\n");
        assertThat(SigningKeys.fromPem(escaped).getPublicKey()).isEqualTo(pair.getPublic());
    }

    @Test
    void halvesOfTwoDifferentPairsAreRefused() throws Exception {
        assertThatThrownBy(() -> SigningKeys.fromPem(pem(pair("secp256r1"), pair("secp256r1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not one key pair");
    }

    @Test
    void anotherCurveOrAMissingBlockIsRefused() throws Exception {
        KeyPair p384 = pair("secp384r1");
        assertThatThrownBy(() -> SigningKeys.fromPem(pem(p384, p384))).hasMessageContaining("P-256");
        KeyPair pair = pair("secp256r1");
        assertThatThrownBy(() -> SigningKeys.fromPem(Pem.encode(Pem.PRIVATE_KEY, pair.getPrivate().getEncoded())))
                .hasMessageContaining("PUBLIC KEY");
    }

    private static KeyPair pair(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static String pem(KeyPair privateHalf, KeyPair publicHalf) {
        return Pem.encode(Pem.PRIVATE_KEY, privateHalf.getPrivate().getEncoded())
                + Pem.encode(Pem.PUBLIC_KEY, publicHalf.getPublic().getEncoded());
    }
}
