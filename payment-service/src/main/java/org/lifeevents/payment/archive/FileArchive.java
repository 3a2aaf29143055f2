package org.lifeevents.payment.archive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Keeps the exact bytes of every file exchanged with the bank, addressed by their SHA-256, in the transaction that
 * records what the file did; the digest on the run's file is then proof of what was sent and what came back.
 */
@ApplicationScoped
public class FileArchive {

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** Keeps the bytes (once, whatever the number of calls) and returns their digest, lowercase hex. */
    @Transactional(TxType.MANDATORY)
    public String keep(byte[] content) {
        String digest = sha256(content);
        entityManager.createNativeQuery("""
                insert into archived_file (digest, content, size_bytes, archived_at) values (?1, ?2, ?3, ?4)
                on conflict (digest) do nothing
                """)
                .setParameter(1, digest)
                .setParameter(2, content)
                .setParameter(3, (long) content.length)
                .setParameter(4, clock.instant())
                .executeUpdate();
        return digest;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<byte[]> content(String digest) {
        return entityManager.createNativeQuery("select content from archived_file where digest = ?1", byte[].class)
                .setParameter(1, digest).getResultStream().findFirst().map(byte[].class::cast);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
