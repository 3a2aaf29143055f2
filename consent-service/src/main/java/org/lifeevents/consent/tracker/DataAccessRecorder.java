package org.lifeevents.consent.tracker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.apache.avro.specific.SpecificRecord;
import org.hibernate.Session;
import org.lifeevents.common.intake.RejectedEventException;
import org.lifeevents.consent.consent.Consent;
import org.lifeevents.consent.consent.ConsentStatus;
import org.lifeevents.events.consent.DataAccessedEvent;

/**
 * Appends reported data accesses to their subjects' chains, in the intake's transaction. A use the consent named did
 * not allow is still recorded (hiding it would defeat the log), marked as not covered.
 * <p>
 * A poll is appended in a fixed number of statements however many accesses it holds: its subjects' chains created and
 * locked in one statement each (in a fixed order, so two polls never deadlock), the access ids already recorded read
 * in one, the entries inserted as one batch and the chains' heads moved in another. One access at a time, each of
 * those was a statement of its own and each statement first flushed the whole poll's session.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class DataAccessRecorder {

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    /** One access on its own: after a refused poll, or re-driven from the dead-letter topic. */
    public void record(SpecificRecord event) {
        recordAll(List.of(event));
    }

    /** The accesses of a poll, in their order; an access that breaks the contract refuses the whole poll. */
    public void recordAll(List<SpecificRecord> events) {
        List<DataAccessedEvent> accesses = new ArrayList<>();
        for (SpecificRecord event : events) {
            if (!(event instanceof DataAccessedEvent access)) {
                throw new RejectedEventException("consent.data-access.v1 carries DataAccessedEvent only, not "
                        + event.getSchema().getFullName());
            }
            List<String> problems = DataAccessRules.problems(access);
            if (!problems.isEmpty()) {
                throw new RejectedEventException("Data access " + access.getAccessId() + ": "
                        + String.join("; ", problems));
            }
            accesses.add(access);
        }
        if (accesses.isEmpty()) {
            return;
        }
        Map<UUID, Consent> consents = consentsNamed(accesses);
        entityManager.unwrap(Session.class).doWork(connection -> append(connection, accesses, consents));
    }

    private void append(Connection connection, List<DataAccessedEvent> accesses, Map<UUID, Consent> consents)
            throws SQLException {
        String[] subjects = accesses.stream().map(DataAccessedEvent::getSubjectPersonId).sorted().distinct()
                .toArray(String[]::new);
        Map<String, Chain> chains = lockChains(connection, subjects);
        Map<UUID, DataAccessEntry> recorded = recorded(connection, accesses);
        List<DataAccessEntry> appended = new ArrayList<>();
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (DataAccessedEvent access : accesses) {
            UUID accessId = UUID.fromString(access.getAccessId());
            DataAccessEntry earlier = recorded.get(accessId);
            if (earlier != null) {
                if (sameAccess(earlier, access)) {
                    continue; // the same access reported again under another event id
                }
                throw new RejectedEventException("Access id " + accessId + " was already recorded with different content");
            }
            DataAccessEntry entry = entry(chains.get(access.getSubjectPersonId()), access, accessId, consents,
                    recordedAt);
            recorded.put(accessId, entry);
            appended.add(entry);
        }
        insert(connection, appended);
        moveHeads(connection, chains.values().stream().filter(Chain::moved).toList());
    }

    /** A subject's chain as locked, and where its head is after this poll's entries. */
    private static final class Chain {

        final String subject;
        final long lengthBefore;
        long length;
        String headHash;

        Chain(String subject, long length, String headHash) {
            this.subject = subject;
            this.lengthBefore = length;
            this.length = length;
            this.headHash = headHash;
        }

        boolean moved() {
            return length != lengthBefore;
        }
    }

    private static Map<String, Chain> lockChains(Connection connection, String[] subjects) throws SQLException {
        try (PreparedStatement create = connection.prepareStatement("""
                insert into data_access_chain (subject_person_id, length, head_hash)
                select subject, 0, ? from unnest(?::text[]) with ordinality as s(subject, n) order by n
                on conflict (subject_person_id) do nothing
                """)) {
            create.setString(1, ChainHash.GENESIS);
            create.setArray(2, connection.createArrayOf("text", subjects));
            create.executeUpdate();
        }
        Map<String, Chain> chains = new HashMap<>();
        try (PreparedStatement lock = connection.prepareStatement("""
                select subject_person_id, length, head_hash from data_access_chain
                where subject_person_id = any(?::bpchar[]) order by subject_person_id for update
                """)) {
            lock.setArray(1, connection.createArrayOf("text", subjects));
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    String subject = rows.getString(1).trim();
                    chains.put(subject, new Chain(subject, rows.getLong(2), rows.getString(3)));
                }
            }
        }
        return chains;
    }

    /** The entries already recorded under the poll's access ids (a report sent twice), by access id. */
    private static Map<UUID, DataAccessEntry> recorded(Connection connection, List<DataAccessedEvent> accesses)
            throws SQLException {
        Map<UUID, DataAccessEntry> recorded = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select access_id, subject_person_id, accessor_service, data_category, purpose, legal_basis, consent_id,
                       decision_id, accessed_at
                from data_access_entry where access_id = any(?::uuid[])
                """)) {
            select.setArray(1, connection.createArrayOf("text",
                    accesses.stream().map(DataAccessedEvent::getAccessId).distinct().toArray(String[]::new)));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    DataAccessEntry entry = new DataAccessEntry();
                    entry.accessId = rows.getObject(1, UUID.class);
                    entry.subjectPersonId = rows.getString(2).trim();
                    entry.accessorService = rows.getString(3);
                    entry.dataCategory = rows.getString(4);
                    entry.purpose = rows.getString(5);
                    entry.legalBasis = rows.getString(6);
                    entry.consentId = rows.getObject(7, UUID.class);
                    entry.decisionId = rows.getString(8);
                    entry.accessedAt = rows.getObject(9, OffsetDateTime.class).toInstant();
                    recorded.put(entry.accessId, entry);
                }
            }
        }
        return recorded;
    }

    /** The consents the poll's accesses name as their basis, read once for the poll. */
    private static Map<UUID, Consent> consentsNamed(List<DataAccessedEvent> accesses) {
        List<UUID> ids = accesses.stream()
                .filter(a -> DataAccessRules.CONSENT.equals(a.getLegalBasis()) && a.getConsentId() != null)
                .map(a -> UUID.fromString(a.getConsentId())).distinct().toList();
        Map<UUID, Consent> consents = new HashMap<>();
        if (!ids.isEmpty()) {
            Consent.<Consent> list("consentId in ?1", ids).forEach(c -> consents.put(c.consentId, c));
        }
        return consents;
    }

    private static DataAccessEntry entry(Chain chain, DataAccessedEvent access, UUID accessId,
            Map<UUID, Consent> consents, Instant recordedAt) {
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
                ? covered(consentId == null ? null : consents.get(consentId), access)
                : null;
        entry.decisionId = access.getDecisionId();
        entry.details = access.getDetails();
        entry.correlationId = access.getCorrelationId();
        entry.accessedAt = access.getAccessedAt().truncatedTo(ChronoUnit.MICROS);
        entry.recordedAt = recordedAt;
        entry.previousHash = chain.headHash;
        entry.contentHash = ChainHash.contentHash(entry.content());
        entry.entryHash = ChainHash.entryHash(entry.previousHash, entry.contentHash);
        chain.length = entry.sequence;
        chain.headHash = entry.entryHash;
        return entry;
    }

    /** One batch; the driver rewrites it into multi-row inserts ({@code reWriteBatchedInserts}). */
    private static void insert(Connection connection, List<DataAccessEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into data_access_entry (subject_person_id, sequence, access_id, event_id, accessor_service,
                    data_category, purpose, legal_basis, consent_id, covered_by_consent, decision_id, details,
                    correlation_id, accessed_at, recorded_at, content_hash, previous_hash, entry_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            for (DataAccessEntry e : entries) {
                insert.setString(1, e.subjectPersonId);
                insert.setLong(2, e.sequence);
                insert.setObject(3, e.accessId);
                insert.setString(4, e.eventId);
                insert.setString(5, e.accessorService);
                insert.setString(6, e.dataCategory);
                insert.setString(7, e.purpose);
                insert.setString(8, e.legalBasis);
                insert.setObject(9, e.consentId);
                insert.setObject(10, e.coveredByConsent, Types.BOOLEAN);
                insert.setString(11, e.decisionId);
                insert.setString(12, e.details);
                insert.setString(13, e.correlationId);
                insert.setObject(14, e.accessedAt.atOffset(ZoneOffset.UTC));
                insert.setObject(15, e.recordedAt.atOffset(ZoneOffset.UTC));
                insert.setString(16, e.contentHash);
                insert.setString(17, e.previousHash);
                insert.setString(18, e.entryHash);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void moveHeads(Connection connection, List<Chain> moved) throws SQLException {
        if (moved.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update data_access_chain set length = ?, head_hash = ? where subject_person_id = ?")) {
            for (Chain chain : moved) {
                update.setLong(1, chain.length);
                update.setString(2, chain.headHash);
                update.setString(3, chain.subject);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Whether the consent was the subject's, about this use, and in force at the moment of access. */
    private static boolean covered(Consent consent, DataAccessedEvent access) {
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
