package org.lifeevents.consent.tracker;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.apache.avro.specific.SpecificRecord;
import org.lifeevents.common.intake.RejectedEventException;
import org.lifeevents.consent.consent.Consent;
import org.lifeevents.consent.consent.ConsentStatus;
import org.lifeevents.events.consent.DataAccessedEvent;

/**
 * Appends each reported data access to its subject's chain, in the intake's transaction. A use the consent named did
 * not allow is still recorded (hiding it would defeat the log), marked as not covered.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class DataAccessRecorder {

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    public void record(SpecificRecord event) {
        if (!(event instanceof DataAccessedEvent access)) {
            throw new RejectedEventException("consent.data-access.v1 carries DataAccessedEvent only, not "
                    + event.getSchema().getFullName());
        }
        List<String> problems = DataAccessRules.problems(access);
        if (!problems.isEmpty()) {
            throw new RejectedEventException("Data access " + access.getAccessId() + ": " + String.join("; ", problems));
        }
        UUID accessId = UUID.fromString(access.getAccessId());
        DataAccessChain chain = lockChain(access.getSubjectPersonId());
        DataAccessEntry earlier = DataAccessEntry.find("accessId", accessId).firstResult();
        if (earlier != null) {
            if (sameAccess(earlier, access)) {
                return; // the same access reported again under another event id
            }
            throw new RejectedEventException("Access id " + accessId + " was already recorded with different content");
        }
        append(chain, access, accessId);
    }

    private DataAccessChain lockChain(String subject) {
        entityManager.createNativeQuery("""
                insert into data_access_chain (subject_person_id, length, head_hash) values (?1, 0, ?2)
                on conflict (subject_person_id) do nothing
                """)
                .setParameter(1, subject)
                .setParameter(2, ChainHash.GENESIS)
                .executeUpdate();
        return DataAccessChain.findById(subject, LockModeType.PESSIMISTIC_WRITE);
    }

    private void append(DataAccessChain chain, DataAccessedEvent access, UUID accessId) {
        UUID consentId = access.getConsentId() == null ? null : UUID.fromString(access.getConsentId());
        DataAccessEntry entry = new DataAccessEntry();
        entry.subjectPersonId = access.getSubjectPersonId();
        entry.sequence = chain.length + 1;
        entry.accessId = accessId;
        entry.eventId = access.getEventId();
        entry.accessorService = access.getAccessorService();
        entry.dataCategory = access.getDataCategory();
        entry.purpose = access.getPurpose();
        entry.legalBasis = access.getLegalBasis();
        entry.consentId = consentId;
        entry.coveredByConsent = DataAccessRules.CONSENT.equals(access.getLegalBasis())
                ? covered(consentId, access)
                : null;
        entry.decisionId = access.getDecisionId();
        entry.details = access.getDetails();
        entry.correlationId = access.getCorrelationId();
        entry.accessedAt = access.getAccessedAt().truncatedTo(ChronoUnit.MICROS);
        entry.recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        entry.previousHash = chain.headHash;
        entry.contentHash = ChainHash.contentHash(entry.content());
        entry.entryHash = ChainHash.entryHash(entry.previousHash, entry.contentHash);
        entry.persist();
        chain.length = entry.sequence;
        chain.headHash = entry.entryHash;
    }

    /** Whether the consent was the subject's, about this use, and in force at the moment of access. */
    private static boolean covered(UUID consentId, DataAccessedEvent access) {
        Consent consent = Consent.findById(consentId);
        return consent != null
                && consent.personId.equals(access.getSubjectPersonId())
                && consent.covers(access.getPurpose(), access.getDataCategory())
                && consent.statusAt(access.getAccessedAt()) == ConsentStatus.ACTIVE;
    }

    private static boolean sameAccess(DataAccessEntry entry, DataAccessedEvent access) {
        return entry.subjectPersonId.equals(access.getSubjectPersonId())
                && entry.accessorService.equals(access.getAccessorService())
                && entry.dataCategory.equals(access.getDataCategory())
                && entry.purpose.equals(access.getPurpose())
                && entry.legalBasis.equals(access.getLegalBasis())
                && Objects.equals(entry.consentId == null ? null : entry.consentId.toString(), access.getConsentId())
                && Objects.equals(entry.decisionId, access.getDecisionId())
                && entry.accessedAt.equals(access.getAccessedAt().truncatedTo(ChronoUnit.MICROS));
    }
}
