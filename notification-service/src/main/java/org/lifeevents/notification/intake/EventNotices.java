package org.lifeevents.notification.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.avro.specific.SpecificRecord;
import org.lifeevents.events.Events;
import org.lifeevents.events.eligibility.CaseOpenedEvent;
import org.lifeevents.events.eligibility.CaseResolvedEvent;
import org.lifeevents.events.eligibility.EntitlementChangedEvent;
import org.lifeevents.events.eligibility.EntitlementDecidedEvent;
import org.lifeevents.events.eligibility.EntitlementPeriod;
import org.lifeevents.events.eligibility.EntitlementStoppedEvent;
import org.lifeevents.events.eligibility.RecoveryClaimCancelledEvent;
import org.lifeevents.events.eligibility.RecoveryClaimEvent;
import org.lifeevents.events.payment.PaymentFailedEvent;
import org.lifeevents.events.payment.PaymentLine;
import org.lifeevents.events.payment.PaymentSentEvent;
import org.lifeevents.events.payment.PaymentsSentEvent;
import org.lifeevents.notification.intake.Parties.Party;
import org.lifeevents.notification.intake.Parties.Subject;
import org.lifeevents.notification.notice.NoticeDraft;
import org.lifeevents.notification.notice.NoticeStore;
import org.lifeevents.notification.notice.NoticeTexts;
import org.lifeevents.notification.notice.NoticeTexts.For;

/**
 * Turns a poll of events into the notices citizens must read, in the poll's order, and writes them in one statement.
 * What a later event needs from an earlier one (who an entitlement pays, whom a case is about) is read for the whole
 * poll at once and written back once. Events that tell a citizen nothing new (a payment scheduled or settled, a case
 * closed by the data it waited for) write nothing.
 */
@ApplicationScoped
public class EventNotices {

    /** The eligibility service closes a case itself when the data arrives; the decision that follows is the notice. */
    static final String RESOLVED_BY_SERVICE = "eligibility-service";

    @Inject
    Parties memory;

    @Inject
    NoticeStore store;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void handleAll(List<SpecificRecord> events) {
        Set<String> entitlementIds = new HashSet<>();
        Set<String> caseIds = new HashSet<>();
        for (SpecificRecord event : events) {
            if (event instanceof EntitlementStoppedEvent e) {
                entitlementIds.add(e.getEntitlementId());
            } else if (event instanceof EntitlementChangedEvent e) {
                entitlementIds.add(e.getEntitlementId());
            } else if (event instanceof RecoveryClaimEvent e) {
                entitlementIds.add(e.getEntitlementId());
            } else if (event instanceof RecoveryClaimCancelledEvent e) {
                entitlementIds.add(e.getEntitlementId());
            } else if (event instanceof PaymentSentEvent e) {
                entitlementIds.add(e.getEntitlementId());
            } else if (event instanceof PaymentFailedEvent e) {
                entitlementIds.add(e.getEntitlementId());
            } else if (event instanceof PaymentsSentEvent e) {
                e.getPayments().forEach(line -> entitlementIds.add(line.getEntitlementId()));
            } else if (event instanceof CaseResolvedEvent e) {
                caseIds.add(e.getCaseId());
            }
        }
        Map<String, Party> parties = memory.parties(entitlementIds);
        Map<String, Subject> subjects = memory.subjects(caseIds);
        Map<String, Party> newParties = new HashMap<>();
        Map<String, Subject> newSubjects = new HashMap<>();
        List<NoticeDraft> drafts = new ArrayList<>();
        for (SpecificRecord event : events) {
            if (event instanceof EntitlementDecidedEvent e) {
                remember(parties, newParties, e.getEntitlementId(), new Party(e.getRecipientId(), e.getBenefit(),
                        e.getLegalReference(), e.getVersion()));
                decided(e, drafts);
            } else if (event instanceof EntitlementChangedEvent e) {
                Party before = parties.get(e.getEntitlementId());
                remember(parties, newParties, e.getEntitlementId(), new Party(e.getRecipientId(), e.getBenefit(),
                        e.getLegalReference(), e.getVersion()));
                changed(e, before, drafts);
            } else if (event instanceof EntitlementStoppedEvent e) {
                Party party = parties.get(e.getEntitlementId());
                if (party != null && !party.recipientId().isEmpty()) {
                    drafts.add(NoticeTexts.stopped(to(party.recipientId(), e), e.getBenefit(), e.getEntitlementId(),
                            e.getLastOwedDate(), e.getReason(), party.legalReference(), e.getExplanation()));
                }
            } else if (event instanceof RecoveryClaimEvent e) {
                drafts.add(NoticeTexts.recoveryClaim(to(e.getDebtorId(), e), e.getEntitlementId(), e.getAmountCents(),
                        e.getPeriodStart(), e.getPeriodEnd(), e.getReason(), legal(parties, e.getEntitlementId()),
                        e.getExplanation()));
            } else if (event instanceof RecoveryClaimCancelledEvent e) {
                drafts.add(NoticeTexts.recoveryCancelled(to(e.getDebtorId(), e), e.getEntitlementId(),
                        e.getAmountCents(), legal(parties, e.getEntitlementId()), e.getExplanation()));
            } else if (event instanceof PaymentSentEvent e) {
                drafts.add(NoticeTexts.paymentSent(to(e.getRecipientId(), e), e.getBenefit(), e.getEntitlementId(),
                        e.getAmountCents(), e.getPeriodStart(), e.getPeriodEnd(), day(e.getSentAt()), e.getEndToEndId(),
                        legal(parties, e.getEntitlementId())));
            } else if (event instanceof PaymentsSentEvent e) {
                for (PaymentLine line : e.getPayments()) {
                    // one event announces many payments: each payment is its own notice
                    For to = new For(line.getRecipientId(), e.getEventId() + "/" + line.getPaymentId(), e.getSentAt());
                    drafts.add(NoticeTexts.paymentSent(to, line.getBenefit(), line.getEntitlementId(),
                            line.getAmountCents(), line.getPeriodStart(), line.getPeriodEnd(), day(e.getSentAt()),
                            line.getEndToEndId(), legal(parties, line.getEntitlementId())));
                }
            } else if (event instanceof PaymentFailedEvent e) {
                drafts.add(NoticeTexts.paymentReturned(to(e.getRecipientId(), e), e.getBenefit(), e.getEntitlementId(),
                        e.getAmountCents(), e.getPeriodStart(), e.getPeriodEnd(), e.getEndToEndId(),
                        e.getReasonText() == null ? e.getReasonCode() : e.getReasonCode() + ", " + e.getReasonText(),
                        legal(parties, e.getEntitlementId())));
            } else if (event instanceof CaseOpenedEvent e) {
                if (e.getSubjectPersonId() != null) {
                    Subject subject = new Subject(e.getSubjectPersonId(), e.getCaseType());
                    subjects.put(e.getCaseId(), subject);
                    newSubjects.put(e.getCaseId(), subject);
                }
            } else if (event instanceof CaseResolvedEvent e) {
                Subject subject = subjects.get(e.getCaseId());
                if (subject != null && !RESOLVED_BY_SERVICE.equals(e.getResolvedBy())) {
                    drafts.add(NoticeTexts.caseDecided(to(subject.personId(), e), null, e.getResolution(),
                            e.getReason()));
                }
            }
        }
        memory.saveParties(newParties);
        memory.saveSubjects(newSubjects);
        store.store(drafts);
    }

    private static void decided(EntitlementDecidedEvent e, List<NoticeDraft> drafts) {
        if (e.getRecipientId().isEmpty()) {
            return; // nobody can be paid yet: the decision names no citizen to tell
        }
        For to = to(e.getRecipientId(), e);
        Long amount = amount(e.getPeriods());
        switch (e.getStatus()) {
            case "OFFERED" -> drafts.add(NoticeTexts.offer(to, e.getBenefit(), e.getEntitlementId(), amount,
                    e.getMonthly(), e.getLegalReference(), e.getExplanation()));
            case "GRANTED" -> drafts.add(NoticeTexts.granted(to, e.getBenefit(), e.getEntitlementId(), amount,
                    e.getMonthly(), e.getLegalReference(), e.getExplanation()));
            case "PENDING" -> drafts.add(NoticeTexts.dataMissing(to, e.getBenefit(), e.getEntitlementId(),
                    e.getLegalReference(), e.getExplanation()));
            case "REFUSED" -> drafts.add(NoticeTexts.refused(to, e.getBenefit(), e.getEntitlementId(),
                    e.getLegalReference(), e.getExplanation()));
            default -> {
                // a status this service does not know yet: no words for it, the portal shows the decision
            }
        }
    }

    private static void changed(EntitlementChangedEvent e, Party before, List<NoticeDraft> drafts) {
        String recipient = e.getRecipientId();
        Long amount = amount(e.getPeriods());
        String reason = e.getChangeReason();
        String previous = before == null ? null : before.recipientId();
        boolean newRecipient = previous != null && !previous.isEmpty() && !previous.equals(recipient);
        if (newRecipient && !"RECIPIENT_DIED".equals(reason)) {
            // the one it was paid to hears that it no longer is (after a death there is nobody to tell)
            drafts.add(NoticeTexts.changed(to(previous, e), e.getBenefit(), e.getEntitlementId(), null,
                    e.getMonthly(), reason, e.getLegalReference(), e.getExplanation()));
        }
        if (recipient.isEmpty()) {
            return;
        }
        For to = to(recipient, e);
        String status = e.getStatus();
        if (newRecipient && ("GRANTED".equals(status) || "OFFERED".equals(status))) {
            drafts.add(NoticeTexts.handedOver(to, e.getBenefit(), e.getEntitlementId(), amount, e.getMonthly(),
                    reason, e.getLegalReference(), e.getExplanation()));
        } else if ("OFFERED".equals(status) && !"OFFERED".equals(statusBefore(reason))) {
            drafts.add(NoticeTexts.offer(to, e.getBenefit(), e.getEntitlementId(), amount, e.getMonthly(),
                    e.getLegalReference(), e.getExplanation()));
        } else if ("GRANTED".equals(status) && ("CONFIRMED".equals(reason) || "DATA_ARRIVED".equals(reason)
                || "REINSTATED".equals(reason))) {
            drafts.add(NoticeTexts.granted(to, e.getBenefit(), e.getEntitlementId(), amount, e.getMonthly(),
                    e.getLegalReference(), e.getExplanation()));
        } else if ("PENDING".equals(status)) {
            drafts.add(NoticeTexts.dataMissing(to, e.getBenefit(), e.getEntitlementId(), e.getLegalReference(),
                    e.getExplanation()));
        } else if ("REFUSED".equals(status)) {
            drafts.add(NoticeTexts.refused(to, e.getBenefit(), e.getEntitlementId(), e.getLegalReference(),
                    e.getExplanation()));
        } else {
            drafts.add(NoticeTexts.changed(to, e.getBenefit(), e.getEntitlementId(), amount, e.getMonthly(), reason,
                    e.getLegalReference(), e.getExplanation()));
        }
    }

    /** A change to OFFERED is a new offer when it came out of waiting or a stop; otherwise the offer changed. */
    private static String statusBefore(String reason) {
        return "DATA_ARRIVED".equals(reason) || "REINSTATED".equals(reason) ? "NOT_OFFERED" : "OFFERED";
    }

    private static For to(String personId, SpecificRecord event) {
        return new For(personId, Events.eventId(event), Events.occurredAt(event));
    }

    private static String legal(Map<String, Party> parties, String entitlementId) {
        Party party = parties.get(entitlementId);
        return party == null ? null : party.legalReference();
    }

    private static void remember(Map<String, Party> parties, Map<String, Party> newParties, String entitlementId,
            Party party) {
        Party known = parties.get(entitlementId);
        if (known == null || known.version() < party.version()) {
            parties.put(entitlementId, party);
            newParties.put(entitlementId, party);
        }
    }

    /** The amount of the last period: what is paid now. */
    private static Long amount(List<EntitlementPeriod> periods) {
        return periods.isEmpty() ? null : periods.get(periods.size() - 1).getAmountCents();
    }

    private LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone());
    }
}
