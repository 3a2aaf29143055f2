package org.lifeevents.payment.payrun;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.payment.archive.FileArchive;

/** The archived bytes of a run's files, for auditors and operators: what the bank took, and what it answered. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class RunFiles {

    @Inject
    FileArchive archive;

    /** Bytes and the SHA-256 they are kept under. */
    public record Archived(String digest, byte[] content) {
    }

    public Archived pain001(UUID runId, int fileNo) {
        PaymentFile file = file(runId, fileNo);
        return archived(file.pain001Digest, "The bank has not taken file " + fileNo + " of run " + runId + " yet.");
    }

    public Archived statusReport(UUID runId, int fileNo) {
        PaymentFile file = file(runId, fileNo);
        return archived(file.pain002Digest, "No status report has been imported for file " + fileNo + " of run " + runId
                + " yet.");
    }

    private static PaymentFile file(UUID runId, int fileNo) {
        return PaymentFile.<PaymentFile> find("runId = ?1 and fileNo = ?2", runId, fileNo).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("file_not_found",
                        "Run " + runId + " has no file " + fileNo + "."));
    }

    private Archived archived(String digest, String missing) {
        if (digest == null) {
            throw ProblemException.notFound("file_not_archived", missing);
        }
        byte[] content = archive.content(digest)
                .orElseThrow(() -> new IllegalStateException("Archived file " + digest + " is missing"));
        return new Archived(digest, content);
    }
}
