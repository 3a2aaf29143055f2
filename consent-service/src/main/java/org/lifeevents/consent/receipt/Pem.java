package org.lifeevents.consent.receipt;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes the PEM blocks of EC keys (PKCS#8 private keys, X.509 SubjectPublicKeyInfo public keys). */
final class Pem {

    static final String PRIVATE_KEY = "PRIVATE KEY";
    static final String PUBLIC_KEY = "PUBLIC KEY";

    private Pem() {
    }

    static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** The DER bytes of the first block with the label, if any. */
    static Optional<byte[]> block(String pem, String label) {
        Matcher m = Pattern.compile("-----BEGIN " + label + "-----([A-Za-z0-9+/=\\s]+)-----END " + label + "-----")
                .matcher(pem.replace("\\n", "\n"));
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(Base64.getMimeDecoder().decode(m.group(1)));
    }

    static PrivateKey ecPrivateKey(String pem) {
        byte[] der = block(pem, PRIVATE_KEY).orElseThrow(
                () -> new IllegalArgumentException("no -----BEGIN PRIVATE KEY----- block (PKCS#8) in the PEM"));
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the PRIVATE KEY block is not a PKCS#8 EC key", e);
        }
    }

    static PublicKey ecPublicKey(String pem) {
        byte[] der = block(pem, PUBLIC_KEY).orElseThrow(
                () -> new IllegalArgumentException("no -----BEGIN PUBLIC KEY----- block in the PEM"));
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the PUBLIC KEY block is not an EC public key", e);
        }
    }
}
