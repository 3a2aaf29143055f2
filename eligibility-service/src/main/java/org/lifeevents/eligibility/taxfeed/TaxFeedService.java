package org.lifeevents.eligibility.taxfeed;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeevents.common.correlation.CorrelationId;
import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.common.problem.Problem;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.tax.IncomeAssessedEvent;
import org.lifeevents.events.tax.TaxRefundAccountEvent;

/**
 * The tax authority's intake: incomes and refund accounts, checked, written through the outbox to their compacted
 * topics (incomes keyed {@code personId:taxYear}, refund accounts by person). A repeated submission publishes nothing
 * new; an assessment id reused with other figures is refused.
 */
@ApplicationScoped
@Transactional
public class TaxFeedService {

    static final String ACCEPTED = "ACCEPTED";
    static final String ALREADY_RECEIVED = "ALREADY_RECEIVED";

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    public FeedReceipt incomes(IncomeBatch batch) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int currentYear = LocalDate.ofInstant(now, clock.getZone()).getYear();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < batch.assessments().size(); i++) {
            if (batch.assessments().get(i).taxYear() > currentYear) {
                errors.add(new Problem.FieldError("assessments[" + i + "].taxYear", "in_future",
                        "must be the current or a past year"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<FeedReceipt.Item> items = new ArrayList<>();
        for (int i = 0; i < batch.assessments().size(); i++) {
            items.add(income(batch.assessments().get(i), i, now));
        }
        return FeedReceipt.of(items);
    }

    public FeedReceipt refundAccounts(RefundAccountBatch batch) {
        List<FeedReceipt.Item> items = new ArrayList<>();
        for (RefundAccountBatch.Account account : batch.accounts()) {
            items.add(refundAccount(account));
        }
        return FeedReceipt.of(items);
    }

    private FeedReceipt.Item income(IncomeBatch.Assessment assessment, int index, Instant now) {
        Instant assessedAt = assessment.assessedAt() != null ? assessment.assessedAt().truncatedTo(ChronoUnit.MILLIS) : now;
        Object[] earlier = (Object[]) entityManager.createNativeQuery("""
                select person_id, tax_year, taxable_income_cents, event_id from tax_income_submission
                where assessment_id = ?1 for update
                """).setParameter(1, assessment.assessmentId()).getResultStream().findFirst().orElse(null);
        if (earlier != null) {
            boolean same = Objects.equals(earlier[0].toString().trim(), assessment.personId())
                    && ((Number) earlier[1]).intValue() == assessment.taxYear()
                    && ((Number) earlier[2]).longValue() == assessment.taxableIncomeCents();
            if (!same) {
                throw new ProblemException(409, "assessment_id_reused", "Conflict", "Assessment "
                        + assessment.assessmentId() + " was received before with other figures.",
                        List.of(new Problem.FieldError("assessments[" + index + "].assessmentId", "assessment_id_reused",
                                "was received before with another person, year or amount")));
            }
            return new FeedReceipt.Item(assessment.assessmentId(), ALREADY_RECEIVED, earlier[3].toString());
        }
        String eventId = Events.newEventId();
        entityManager.createNativeQuery("""
                insert into tax_income_submission (assessment_id, person_id, tax_year, taxable_income_cents, assessed_at,
                                                   event_id)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                """)
                .setParameter(1, assessment.assessmentId())
                .setParameter(2, assessment.personId())
                .setParameter(3, assessment.taxYear())
                .setParameter(4, assessment.taxableIncomeCents())
                .setParameter(5, assessedAt)
                .setParameter(6, UUID.fromString(eventId))
                .executeUpdate();
        outbox.publish(Topics.INCOMES, assessment.personId() + ":" + assessment.taxYear(), IncomeAssessedEvent.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(now)
                .setCorrelationId(CorrelationId.current())
                .setAssessmentId(assessment.assessmentId())
                .setPersonId(assessment.personId())
                .setTaxYear(assessment.taxYear())
                .setTaxableIncomeCents(assessment.taxableIncomeCents())
                .setAssessedAt(assessedAt)
                .build());
        return new FeedReceipt.Item(assessment.assessmentId(), ACCEPTED, eventId);
    }

    private FeedReceipt.Item refundAccount(RefundAccountBatch.Account account) {
        String iban = account.iban() == null ? "" : account.iban();
        String id = account.personId() + ":" + account.recordedOn();
        String eventId = Events.newEventId();
        int inserted = entityManager.createNativeQuery("""
                insert into tax_refund_account_submission (person_id, recorded_on, iban, event_id)
                values (?1, ?2, ?3, ?4) on conflict do nothing
                """)
                .setParameter(1, account.personId())
                .setParameter(2, account.recordedOn())
                .setParameter(3, iban)
                .setParameter(4, UUID.fromString(eventId))
                .executeUpdate();
        if (inserted == 0) {
            Object earlier = entityManager.createNativeQuery("""
                    select event_id from tax_refund_account_submission where person_id = ?1 and recorded_on = ?2
                    and iban = ?3
                    """).setParameter(1, account.personId()).setParameter(2, account.recordedOn()).setParameter(3, iban)
                    .getSingleResult();
            return new FeedReceipt.Item(id, ALREADY_RECEIVED, earlier.toString());
        }
        outbox.publish(Topics.TAX_REFUND_ACCOUNTS, account.personId(), TaxRefundAccountEvent.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(clock.instant())
                .setCorrelationId(CorrelationId.current())
                .setPersonId(account.personId())
                .setIban(account.iban())
                .setRecordedOn(account.recordedOn())
                .build());
        return new FeedReceipt.Item(id, ACCEPTED, eventId);
    }
}
