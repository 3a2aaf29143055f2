package org.lifeevents.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.lifeevents.events.Events;
import org.lifeevents.events.eligibility.CaseOpenedEvent;
import org.lifeevents.events.eligibility.CaseResolvedEvent;
import org.lifeevents.events.eligibility.EntitlementChangedEvent;
import org.lifeevents.events.eligibility.EntitlementDecidedEvent;
import org.lifeevents.events.eligibility.EntitlementPeriod;
import org.lifeevents.events.eligibility.RecoveryClaimEvent;
import org.lifeevents.events.payment.PaymentFailedEvent;
import org.lifeevents.events.payment.PaymentLine;
import org.lifeevents.events.payment.PaymentsSentEvent;

/**
 * Events as the eligibility and payment services publish them, for tests that play those services. The demo realm's
 * citizens: each test class uses its own, so no test sees another's notices.
 */
public final class Families {

    /** NoticeTest: a birth. */
    public static final String KATI = "49403136515";
    /** SecurityTest: a citizen who must not read Kati's notices. */
    public static final String JAAN = "39205202210";
    /** DeliveryTest: an SMTP failure. */
    public static final String LIIS = "49008010156";
    /** NoticeTest: a consent given late, a late death. */
    public static final String EVA = "48812240272";
    /** DeliveryTest: a backfilled history. */
    public static final String MART = "38701301147";

    public static final String LEGAL = "Family Benefits Act § 5";

    private Families() {
    }

    public static EntitlementDecidedEvent decided(String recipient, String benefit, String status, long cents,
            Instant at) {
        String entitlementId = UUID.randomUUID().toString();
        return EntitlementDecidedEvent.newBuilder()
                .setEventId(Events.newEventId()).setOccurredAt(at).setCorrelationId(Events.newCorrelationId())
                .setEntitlementId(entitlementId).setVersion(1).setDecisionId(UUID.randomUUID().toString())
                .setBenefit(benefit).setStatus(status).setRecipientId(recipient).setBeneficiaryId(null)
                .setHouseholdId(null).setSourceRegistrationId(null)
                .setPeriods(List.of(EntitlementPeriod.newBuilder().setFromDate(LocalDate.of(2026, 12, 1))
                        .setUntilDate(LocalDate.of(2026, 12, 31)).setAmountCents(cents).setRecipientId(recipient)
                        .setParameterVersion("2025-01-01").build()))
                .setMonthly(!"BIRTH_GRANT".equals(benefit)).setLegalReference(LEGAL)
                .setExplanation("Decided from the birth registration.").setDecidedAt(at).build();
    }

    public static EntitlementChangedEvent changed(EntitlementDecidedEvent before, String recipient, String status,
            String reason, Instant at) {
        return EntitlementChangedEvent.newBuilder()
                .setEventId(Events.newEventId()).setOccurredAt(at).setCorrelationId(before.getCorrelationId())
                .setEntitlementId(before.getEntitlementId()).setVersion(before.getVersion() + 1)
                .setDecisionId(UUID.randomUUID().toString()).setBenefit(before.getBenefit()).setStatus(status)
                .setRecipientId(recipient).setBeneficiaryId(null).setHouseholdId(null).setSourceRegistrationId(null)
                .setPeriods(before.getPeriods()).setMonthly(before.getMonthly())
                .setLegalReference(before.getLegalReference()).setExplanation("Decided again.")
                .setChangeReason(reason).setChangedAt(at).build();
    }

    public static PaymentsSentEvent sent(EntitlementDecidedEvent entitlement, long cents, String endToEndId,
            Instant at) {
        return PaymentsSentEvent.newBuilder()
                .setEventId(Events.newEventId()).setOccurredAt(at).setCorrelationId(entitlement.getCorrelationId())
                .setRunId(UUID.randomUUID().toString()).setMessageId("MSG-" + UUID.randomUUID().toString().substring(0, 8))
                .setPart(1).setParts(1).setSentAt(at)
                .setPayments(List.of(PaymentLine.newBuilder().setPaymentId(UUID.randomUUID().toString())
                        .setEntitlementId(entitlement.getEntitlementId()).setEntitlementVersion(1)
                        .setBenefit(entitlement.getBenefit()).setRecipientId(entitlement.getRecipientId())
                        .setPeriodStart(LocalDate.of(2026, 12, 1)).setPeriodEnd(LocalDate.of(2026, 12, 31))
                        .setAmountCents(cents).setEndToEndId(endToEndId).setGrossCents(null).setRefundOfClaimId(null)
                        .build()))
                .build();
    }

    public static PaymentFailedEvent returned(EntitlementDecidedEvent entitlement, long cents, Instant at) {
        return PaymentFailedEvent.newBuilder()
                .setEventId(Events.newEventId()).setOccurredAt(at).setCorrelationId(entitlement.getCorrelationId())
                .setPaymentId(UUID.randomUUID().toString()).setEntitlementId(entitlement.getEntitlementId())
                .setBenefit(entitlement.getBenefit()).setRecipientId(entitlement.getRecipientId())
                .setPeriodStart(LocalDate.of(2026, 12, 1)).setPeriodEnd(LocalDate.of(2026, 12, 31))
                .setAmountCents(cents).setEndToEndId("E2E-RETURNED").setReasonCode("AC04")
                .setReasonText("account closed").setFailedAt(at).build();
    }

    public static RecoveryClaimEvent claim(EntitlementDecidedEvent entitlement, String debtor, long cents, Instant at) {
        return RecoveryClaimEvent.newBuilder()
                .setEventId(Events.newEventId()).setOccurredAt(at).setCorrelationId(entitlement.getCorrelationId())
                .setClaimId(UUID.randomUUID().toString()).setEntitlementId(entitlement.getEntitlementId())
                .setDebtorId(debtor).setPeriodStart(LocalDate.of(2026, 11, 1)).setPeriodEnd(LocalDate.of(2026, 11, 30))
                .setAmountCents(cents).setReason("RECIPIENT_DIED").setDecisionId(UUID.randomUUID().toString())
                .setExplanation("The death was registered late.").build();
    }

    public static CaseOpenedEvent caseOpened(String subject, Instant at) {
        return CaseOpenedEvent.newBuilder()
                .setEventId(Events.newEventId()).setOccurredAt(at).setCorrelationId(Events.newCorrelationId())
                .setCaseId(UUID.randomUUID().toString()).setCaseType("CITIZEN_DISAGREES").setSubjectPersonId(subject)
                .setHouseholdId(null).setEntitlementId(null).setDecisionId(null).setSummary("disagrees")
                .setOpenedAt(at).build();
    }

    public static CaseResolvedEvent caseResolved(CaseOpenedEvent opened, Instant at) {
        return CaseResolvedEvent.newBuilder()
                .setEventId(Events.newEventId()).setOccurredAt(at).setCorrelationId(opened.getCorrelationId())
                .setCaseId(opened.getCaseId()).setResolution("OVERRIDDEN").setReason("the income was mistyped")
                .setResolvedBy("carl").setSecondApprover("cora").setOverrideAmountCents(30000L).setResolvedAt(at)
                .build();
    }
}
