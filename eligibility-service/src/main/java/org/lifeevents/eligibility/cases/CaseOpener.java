package org.lifeevents.eligibility.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;
import org.lifeevents.events.Events;

/**
 * Opens cases, at most one open case per key: a redelivered or repeated trigger finds the open case and opens nothing
 * (the database's partial unique index makes that hold across instances too). Each case opened is logged and
 * announced.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class CaseOpener {

    private static final Logger LOG = Logger.getLogger(CaseOpener.class);
    static final String SYSTEM = "eligibility-service";

    @Inject
    EntityManager entityManager;

    @Inject
    CaseEvents events;

    @Inject
    Clock clock;

    /** What a trigger asks for: the key names the type and what the case is about. */
    public record Request(CaseType type, String key, String subjectPersonId, String householdId, UUID entitlementId,
            UUID decisionId, String summary, String correlationId) {

        public static Request of(CaseType type, String about, String summary) {
            return new Request(type, type.name() + ":" + about, null, null, null, null, summary, null);
        }

        public Request subject(String personId) {
            return new Request(type, key, personId, householdId, entitlementId, decisionId, summary, correlationId);
        }

        public Request household(String id) {
            return new Request(type, key, subjectPersonId, id, entitlementId, decisionId, summary, correlationId);
        }

        public Request entitlement(UUID id, UUID decision) {
            return new Request(type, key, subjectPersonId, householdId, id, decision, summary, correlationId);
        }

        public Request correlation(String id) {
            return new Request(type, key, subjectPersonId, householdId, entitlementId, decisionId, summary, id);
        }
    }

    /** Opens the case unless one with its key is open; returns the open case either way. */
    public Case open(Request request) {
        return openUnlessSince(request, null).orElseGet(() -> openCase(request.key()));
    }

    /**
     * Opens the case unless one with its key is open, or one was opened at or after {@code since} (a repeated
     * check that found nothing new opens nothing). Returns the case opened now, if any.
     */
    public Optional<Case> openUnlessSince(Request request, Instant since) {
        if (since != null && Case.count("caseKey = ?1 and openedAt >= ?2", request.key(), since) > 0) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UUID caseId = UUID.randomUUID();
        String correlationId = request.correlationId() == null ? Events.newCorrelationId() : request.correlationId();
        int inserted = entityManager.createNativeQuery("""
                insert into caseworker_case (case_id, case_key, case_type, status, subject_person_id, household_id,
                    entitlement_id, decision_id, summary, correlation_id, opened_at, version)
                values (?1, ?2, ?3, 'OPEN', ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0)
                on conflict (case_key) where status <> 'RESOLVED' do nothing
                """)
                .setParameter(1, caseId)
                .setParameter(2, request.key())
                .setParameter(3, request.type().name())
                .setParameter(4, request.subjectPersonId())
                .setParameter(5, request.householdId())
                .setParameter(6, request.entitlementId())
                .setParameter(7, request.decisionId())
                .setParameter(8, request.summary())
                .setParameter(9, correlationId)
                .setParameter(10, now)
                .executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        Case opened = Case.findById(caseId);
        CaseAction action = new CaseAction();
        action.actionId = UUID.randomUUID();
        action.caseId = caseId;
        action.at = now;
        action.actor = SYSTEM;
        action.action = CaseAction.OPENED;
        action.reason = request.summary();
        action.persist();
        events.opened(opened);
        LOG.infof("Case %s (%s) opened: %s", caseId, request.type(), request.summary());
        return Optional.of(opened);
    }

    private Case openCase(String key) {
        return Case.find("caseKey = ?1 and status <> 'RESOLVED'", key).firstResult();
    }
}
