package org.lifeevents.consent.tracker;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One reported read of a person's data, as recorded: append-only, linked to the person's previous entry by hash. */
@Entity
@Immutable
public class DataAccessEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long entryId;

    public String subjectPersonId;
    /** Position in the subject's chain, from 1. */
    public long sequence;
    public UUID accessId;
    public String eventId;
    public String accessorService;
    public String dataCategory;
    public String purpose;
    public String legalBasis;
    public UUID consentId;
    /** Whether the consent named allowed this use at the time of access; null when the legal basis is not consent. */
    public Boolean coveredByConsent;
    public String decisionId;
    public String details;
    public String correlationId;
    public Instant accessedAt;
    public Instant recordedAt;
    public String contentHash;
    public String previousHash;
    public String entryHash;

    public EntryContent content() {
        return new EntryContent(subjectPersonId, sequence, accessId, eventId, accessorService, dataCategory, purpose,
                legalBasis, consentId, coveredByConsent, decisionId, details, correlationId, accessedAt, recordedAt);
    }
}
