package org.lifeevents.consent.tracker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lifeevents.consent.tracker.ChainVerification.BrokenEntry;

/**
 * Recomputes every data-access chain from the stored entries, in one consistent snapshot, streaming: each entry's
 * content hash, its entry hash, its place in the sequence, its link to the previous entry, and finally the chain's
 * head. Memory stays constant whatever the number of entries.
 */
@ApplicationScoped
public class ChainVerifier {

    private static final Comparator<BrokenEntry> EARLIEST_RECORDED = Comparator.comparing(BrokenEntry::entryId,
            Comparator.nullsLast(Comparator.naturalOrder()));

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    /** Verifies the chain of one person, or every chain when no subject is given. */
    public ChainVerification verify(Optional<String> subject) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return verify(connection, subject);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the data-access log", e);
        }
    }

    private ChainVerification verify(Connection connection, Optional<String> subject) throws SQLException {
        Instant verifiedAt = clock.instant();
        Tally tally = new Tally();
        try (PreparedStatement entries = connection.prepareStatement("""
                select e.*, c.length as head_length, c.head_hash
                from data_access_entry e left join data_access_chain c on c.subject_person_id = e.subject_person_id
                where (cast(? as text) is null or e.subject_person_id = ?)
                order by e.subject_person_id, e.sequence, e.entry_id
                """)) {
            entries.setFetchSize(1000);
            entries.setString(1, subject.orElse(null));
            entries.setString(2, subject.orElse(null));
            try (ResultSet rows = entries.executeQuery()) {
                Chain chain = null;
                while (rows.next()) {
                    String rowSubject = rows.getString("subject_person_id");
                    if (chain == null || !chain.subject.equals(rowSubject)) {
                        if (chain != null) {
                            tally.finish(chain);
                        }
                        chain = new Chain(rowSubject, (Long) rows.getObject("head_length"), rows.getString("head_hash"));
                    }
                    tally.entries++;
                    chain.check(rows);
                }
                if (chain != null) {
                    tally.finish(chain);
                }
            }
        }
        try (PreparedStatement emptied = connection.prepareStatement("""
                select c.subject_person_id, c.length from data_access_chain c
                where c.length > 0 and (cast(? as text) is null or c.subject_person_id = ?)
                  and not exists (select 1 from data_access_entry e where e.subject_person_id = c.subject_person_id)
                """)) {
            emptied.setString(1, subject.orElse(null));
            emptied.setString(2, subject.orElse(null));
            try (ResultSet rows = emptied.executeQuery()) {
                while (rows.next()) {
                    tally.chains++;
                    tally.broken(new BrokenEntry(null, rows.getString(1), null, null, "HEAD_MISMATCH",
                            "the chain's head records " + rows.getLong(2) + " entries but none is stored"));
                }
            }
        }
        return new ChainVerification(tally.first == null, verifiedAt, subject.orElse(null), tally.chains, tally.entries,
                tally.brokenChains, tally.first);
    }

    /** Counts over all chains, and the earliest recorded break. */
    private static final class Tally {
        long chains;
        long entries;
        long brokenChains;
        BrokenEntry first;

        void finish(Chain chain) {
            chains++;
            chain.checkHead().ifPresent(this::broken);
        }

        void broken(BrokenEntry entry) {
            brokenChains++;
            if (first == null || EARLIEST_RECORDED.compare(entry, first) < 0) {
                first = entry;
            }
        }
    }

    /** One person's chain as it is read, entry by entry; only its first break counts (the rest follow from it). */
    private static final class Chain {
        final String subject;
        final Long headLength;
        final String headHash;
        long expectedSequence = 1;
        String previousHash = ChainHash.GENESIS;
        BrokenEntry broken;
        Long lastEntryId;
        UUID lastAccessId;

        Chain(String subject, Long headLength, String headHash) {
            this.subject = subject;
            this.headLength = headLength;
            this.headHash = headHash;
        }

        void check(ResultSet row) throws SQLException {
            if (broken != null) {
                return;
            }
            long entryId = row.getLong("entry_id");
            long sequence = row.getLong("sequence");
            UUID accessId = row.getObject("access_id", UUID.class);
            EntryContent content = new EntryContent(subject, sequence, accessId, row.getString("event_id"),
                    row.getString("accessor_service"), row.getString("data_category"), row.getString("purpose"),
                    row.getString("legal_basis"), row.getObject("consent_id", UUID.class),
                    (Boolean) row.getObject("covered_by_consent"), row.getString("decision_id"), row.getString("details"),
                    row.getString("correlation_id"), instant(row, "accessed_at"), instant(row, "recorded_at"));
            String storedContentHash = row.getString("content_hash");
            String storedPrevious = row.getString("previous_hash");
            String storedEntryHash = row.getString("entry_hash");
            if (!ChainHash.contentHash(content).equals(storedContentHash)) {
                broken = new BrokenEntry(entryId, subject, sequence, accessId, "CONTENT_ALTERED",
                        "the entry's content no longer matches the hash recorded with it");
            } else if (!ChainHash.entryHash(storedPrevious, storedContentHash).equals(storedEntryHash)) {
                broken = new BrokenEntry(entryId, subject, sequence, accessId, "ENTRY_HASH_ALTERED",
                        "the entry's hash is not the hash of its link and content");
            } else if (sequence != expectedSequence) {
                broken = new BrokenEntry(entryId, subject, sequence, accessId, "SEQUENCE_GAP",
                        "expected sequence " + expectedSequence + ": entries before this one are missing or repeated");
            } else if (!storedPrevious.equals(previousHash)) {
                broken = new BrokenEntry(entryId, subject, sequence, accessId, "LINK_BROKEN",
                        "the entry does not link to the hash of the entry before it");
            }
            expectedSequence = sequence + 1;
            previousHash = storedEntryHash;
            lastEntryId = entryId;
            lastAccessId = accessId;
        }

        Optional<BrokenEntry> checkHead() {
            if (broken != null) {
                return Optional.of(broken);
            }
            long length = expectedSequence - 1;
            if (headLength == null || headLength != length || !previousHash.equals(headHash)) {
                return Optional.of(new BrokenEntry(lastEntryId, subject, length, lastAccessId, "HEAD_MISMATCH",
                        "the chain ends at entry " + length + " but its head records " + headLength
                                + " entries: entries at the end were removed, or the head was altered"));
            }
            return Optional.empty();
        }

        private static Instant instant(ResultSet row, String column) throws SQLException {
            return row.getObject(column, OffsetDateTime.class).toInstant();
        }
    }
}
