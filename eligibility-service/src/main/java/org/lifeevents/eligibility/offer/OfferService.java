package org.lifeevents.eligibility.offer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.common.correlation.CorrelationId;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.money.Cents;
import org.lifeevents.common.problem.Problem;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.eligibility.decision.Decision;
import org.lifeevents.eligibility.decision.Entitlement;
import org.lifeevents.eligibility.decision.HouseholdDecisions;
import org.lifeevents.eligibility.decision.HouseholdLock;
import org.lifeevents.eligibility.decision.Trigger;
import org.lifeevents.eligibility.facts.PayoutAccountFact;
import org.lifeevents.eligibility.facts.People;
import org.lifeevents.eligibility.rules.Benefit;
import org.lifeevents.eligibility.rules.Missing;
import org.lifeevents.eligibility.rules.Period;
import org.lifeevents.eligibility.rules.Status;

/**
 * A citizen's offers and grants (their own and their minor children's), their one-click confirmation, and the
 * hand-over of a child's monthly benefits to the other parent. Every action decides the household again through the
 * rules and is logged.
 */
@ApplicationScoped
@Transactional
public class OfferService {

    private static final int MINOR_UNTIL = 18;

    @Inject
    EntityManager entityManager;

    @Inject
    HouseholdDecisions decisions;

    @Inject
    HouseholdLock lock;

    @Inject
    CitizenActions actions;

    @Inject
    People people;

    @Inject
    Clock clock;

    /** What the person may see: what is paid to them, and what concerns them or their minor children. */
    @Transactional(TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<OfferView> offersFor(String personId) {
        List<Entitlement> found = entityManager.createNativeQuery(
                "select * from entitlement where parties @> array[cast(?1 as text)] order by created_at, entitlement_key",
                Entitlement.class)
                .setParameter(1, personId)
                .getResultList();
        return found.stream().filter(e -> visibleTo(e, personId)).map(e -> view(e, personId)).toList();
    }

    /** Confirms an offer for the person; confirming what is already confirmed changes nothing and answers the same. */
    public OfferView confirm(String personId, String actor, UUID entitlementId) {
        Entitlement entitlement = Entitlement.findById(entitlementId);
        if (entitlement == null || !visibleTo(entitlement, personId)) {
            throw refuse(personId, actor, CitizenActions.CONFIRM, entitlementId, null,
                    ProblemException.notFound("offer_not_found", "You have no offer " + entitlementId + "."));
        }
        lock.lock(entitlement.scope);
        entityManager.refresh(entitlement);
        Confirmation existing = Confirmation.findById(entitlement.entitlementKey);
        Status status = Status.valueOf(entitlement.status);
        if (existing != null && existing.personId.equals(personId) || !Benefit.valueOf(entitlement.benefit).offer()
                && status == Status.GRANTED) {
            actions.done(personId, actor, CitizenActions.CONFIRM, entitlementId, entitlement.beneficiaryId,
                    "ALREADY_CONFIRMED", Map.of("benefit", entitlement.benefit, "status", entitlement.status));
            return view(entitlement, personId);
        }
        if (!personId.equals(entitlement.recipientId)) {
            throw refuse(personId, actor, CitizenActions.CONFIRM, entitlementId, entitlement.beneficiaryId,
                    ProblemException.forbidden("not_your_offer", "Only " + entitlement.recipientId
                            + ", to whom the " + Benefit.valueOf(entitlement.benefit).words()
                            + " is offered, can confirm it."));
        }
        if (status == Status.REFUSED && Benefit.PARENTAL_BENEFIT.name().equals(entitlement.benefit)) {
            throw refuse(personId, actor, CitizenActions.CONFIRM, entitlementId, entitlement.beneficiaryId,
                    ProblemException.conflict("taken_by_other_parent", entitlement.citizenText));
        }
        if (status != Status.OFFERED) {
            throw refuse(personId, actor, CitizenActions.CONFIRM, entitlementId, entitlement.beneficiaryId,
                    new ProblemException(409, "not_confirmable", "Conflict", "The " + Benefit.valueOf(entitlement.benefit)
                            .words() + " is " + status.name().toLowerCase() + " and cannot be confirmed now: "
                            + entitlement.citizenText,
                            entitlement.missing.stream().map(m -> new Problem.FieldError("missing", m.code(), m.text()))
                                    .toList()));
        }
        if (Benefit.PARENTAL_BENEFIT.name().equals(entitlement.benefit) && entitlement.beneficiaryId != null
                && !people.legalParentsOf(entitlement.beneficiaryId.trim()).contains(personId)) {
            throw refuse(personId, actor, CitizenActions.CONFIRM, entitlementId, entitlement.beneficiaryId,
                    ProblemException.forbidden("not_a_legal_parent", "Only a legal parent of the child can take the"
                            + " parental benefit."));
        }
        Confirmation confirmation = new Confirmation();
        confirmation.entitlementKey = entitlement.entitlementKey;
        confirmation.entitlementId = entitlement.entitlementId;
        confirmation.personId = personId;
        confirmation.confirmedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        confirmation.correlationId = CorrelationId.current();
        confirmation.persist();
        decisions.evaluate(entitlement.scope, new Trigger("confirmation by " + personId + " of "
                + entitlement.entitlementKey, CorrelationId.current()));
        // the reconciler decided on this very (managed) entitlement, so it already holds the decision just made
        actions.done(personId, actor, CitizenActions.CONFIRM, entitlementId, entitlement.beneficiaryId,
                entitlement.status, Map.of("benefit", entitlement.benefit, "decisionId",
                        String.valueOf(entitlement.decisionId)));
        return view(entitlement, personId);
    }

    /**
     * Hands the child's monthly benefits from the person (their recipient for next month) to the other legal parent,
     * from the 1st of next month; doing it again changes nothing.
     */
    public HandoverView handOver(String personId, String actor, String childId, String toPersonId) {
        if (!PersonId.isValid(childId) || !people.legalParentsOf(childId).contains(personId)
                || new PersonId(childId).birthDate().plusYears(MINOR_UNTIL).isBefore(today().plusDays(1))) {
            throw refuse(personId, actor, CitizenActions.HAND_OVER, null, childId,
                    ProblemException.notFound("child_not_found", "You have no minor child " + childId + "."));
        }
        List<String> parents = people.legalParentsOf(childId);
        if (toPersonId.equals(personId) || !parents.contains(toPersonId)) {
            throw refuse(personId, actor, CitizenActions.HAND_OVER, null, childId, ProblemException.unprocessable(
                    "not_other_legal_parent", "The monthly benefits can only be handed to the child's other legal parent.",
                    List.of(new Problem.FieldError("recipientId", "not_other_legal_parent",
                            "is not the other legal parent of the child"))));
        }
        if (people.isDead(toPersonId)) {
            throw refuse(personId, actor, CitizenActions.HAND_OVER, null, childId, ProblemException.unprocessable(
                    "recipient_deceased", "The other parent is recorded as deceased.",
                    List.of(new Problem.FieldError("recipientId", "recipient_deceased", "is recorded as deceased"))));
        }
        LocalDate from = YearMonth.from(today()).plusMonths(1).atDay(1);
        List<Entitlement> monthly = monthlyOf(childId, from);
        if (monthly.isEmpty()) {
            throw refuse(personId, actor, CitizenActions.HAND_OVER, null, childId, ProblemException.conflict(
                    "no_monthly_benefits", "No monthly benefits of the child are paid from " + from + "."));
        }
        String scope = monthly.get(0).scope;
        lock.lock(scope);
        String current = recipientIn(monthly.get(0), from);
        if (toPersonId.equals(current)) {
            actions.done(personId, actor, CitizenActions.HAND_OVER, null, childId, "ALREADY_RECIPIENT",
                    Map.of("to", toPersonId, "from", from.toString()));
            return handoverView(childId, personId, toPersonId, from, monthlyOf(childId, from), personId);
        }
        if (!personId.equals(current)) {
            throw refuse(personId, actor, CitizenActions.HAND_OVER, null, childId, ProblemException.conflict(
                    "not_current_recipient", "Only the parent who receives the child's monthly benefits can hand them"
                            + " over."));
        }
        RecipientHandover handover = RecipientHandover
                .<RecipientHandover> find("childId = ?1 and effectiveFrom = ?2", childId, from).firstResult();
        boolean known = handover != null;
        if (!known) {
            handover = new RecipientHandover();
            handover.handoverId = UUID.randomUUID();
            handover.childId = childId;
            handover.effectiveFrom = from;
        }
        handover.householdId = scope;
        handover.fromPersonId = personId;
        handover.toPersonId = toPersonId;
        handover.requestedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        handover.correlationId = CorrelationId.current();
        if (!known) {
            handover.persist();
        }
        decisions.evaluate(scope, new Trigger("hand-over of the monthly benefits of " + childId + " by " + personId
                + " to " + toPersonId + " from " + from, CorrelationId.current()));
        List<Entitlement> after = monthlyOf(childId, from);
        actions.done(personId, actor, CitizenActions.HAND_OVER, null, childId, "HANDED_OVER",
                Map.of("to", toPersonId, "from", from.toString(), "entitlements",
                        after.stream().map(e -> e.entitlementId.toString()).toList()));
        return handoverView(childId, personId, toPersonId, from, after, personId);
    }

    @Transactional(TxType.SUPPORTS)
    public List<ActionView> actionsOf(String personId) {
        return CitizenAction.of(personId).stream().map(ActionView::of).toList();
    }

    private HandoverView handoverView(String childId, String from, String to, LocalDate effectiveFrom,
            List<Entitlement> entitlements, String viewer) {
        String child = name(childId);
        String text = "From " + effectiveFrom + " the monthly benefits of " + child + " are paid to " + name(to)
                + " instead of " + name(from) + ". Months until then are paid as before.";
        entitlements.forEach(entityManager::refresh);
        return new HandoverView(childId, from, to, effectiveFrom, text,
                entitlements.stream().map(e -> view(e, viewer)).toList());
    }

    /** The child's monthly benefits that follow the recipient of the child (not the survivor's allowance). */
    private List<Entitlement> monthlyOf(String childId, LocalDate from) {
        return Entitlement.<Entitlement> list("beneficiaryId = ?1 and status = ?2 and benefit in ?3 order by entitlementKey",
                childId, Status.GRANTED.name(), List.of(Benefit.CHILD_ALLOWANCE.name())).stream()
                .filter(e -> recipientIn(e, from) != null)
                .toList();
    }

    private static String recipientIn(Entitlement entitlement, LocalDate day) {
        return entitlement.periods.stream()
                .filter(p -> !day.isBefore(p.fromDate()) && !day.isAfter(p.untilDate()))
                .map(Period::recipientId).findFirst().orElse(null);
    }

    /** Whether the person may see the entitlement: paid to them, or about their minor child. */
    @Transactional(TxType.SUPPORTS)
    public boolean maySee(Entitlement entitlement, String personId) {
        return visibleTo(entitlement, personId);
    }

    private boolean visibleTo(Entitlement entitlement, String personId) {
        if (entitlement.parties == null || !List.of(entitlement.parties).contains(personId)) {
            return false;
        }
        if (personId.equals(entitlement.recipientId)
                || entitlement.periods.stream().anyMatch(p -> personId.equals(p.recipientId()))) {
            return true;
        }
        String beneficiary = entitlement.beneficiaryId == null ? null : entitlement.beneficiaryId.trim();
        return beneficiary == null || !PersonId.isValid(beneficiary)
                || new PersonId(beneficiary).birthDate().plusYears(MINOR_UNTIL).isAfter(today());
    }

    OfferView view(Entitlement entitlement, String viewer) {
        Decision decision = entitlement.decisionId == null ? null : Decision.findById(entitlement.decisionId);
        Confirmation confirmation = Confirmation.findById(entitlement.entitlementKey);
        List<Period> periods = entitlement.periods == null ? List.of() : entitlement.periods;
        Period first = periods.isEmpty() ? null : periods.get(0);
        List<Missing> missing = new ArrayList<>(entitlement.missing == null ? List.of() : entitlement.missing);
        Set<String> unpaid = withoutAccount(entitlement, periods);
        Status status = Status.valueOf(entitlement.status);
        if (!unpaid.isEmpty() && (status == Status.GRANTED || status == Status.OFFERED)) {
            missing.add(new Missing(Missing.PAYOUT_ACCOUNT, (unpaid.contains(viewer) ? "You have"
                    : String.join(", ", unpaid.stream().map(this::name).toList()) + " has")
                    + " not given a payout account yet. Amounts owed accrue and are paid in the first payment run after"
                    + " one is known."));
        }
        String beneficiary = entitlement.beneficiaryId == null ? null : entitlement.beneficiaryId.trim();
        return new OfferView(entitlement.entitlementId, entitlement.benefit, entitlement.status, entitlement.recipientId,
                beneficiary, beneficiary == null ? null : people.givenNames(beneficiary), entitlement.householdId,
                first == null ? null : first.amountCents(), first == null ? null : Cents.format(first.amountCents()),
                entitlement.monthly, entitlement.spanFrom, entitlement.spanUntil,
                periods.stream().map(p -> new OfferView.PeriodView(p.fromDate(), p.untilDate(), p.amountCents(),
                        Cents.format(p.amountCents()), p.recipientId())).toList(),
                unpaid.isEmpty() ? firstPaymentDate(entitlement, first, confirmation) : null, missing,
                status == Status.OFFERED && viewer.equals(entitlement.recipientId),
                confirmation == null ? null : confirmation.personId, entitlement.legalReference, entitlement.citizenText,
                entitlement.decisionId, entitlement.version, decision == null ? null : decision.explanation);
    }

    /** Recipients of months still to be paid who have no payout account. */
    private Set<String> withoutAccount(Entitlement entitlement, List<Period> periods) {
        Set<String> recipients = new LinkedHashSet<>();
        periods.forEach(p -> recipients.add(p.recipientId()));
        Set<String> unpaid = new LinkedHashSet<>();
        recipients.stream().filter(r -> r != null && !PayoutAccountFact.known(r)).forEach(unpaid::add);
        return unpaid;
    }

    /**
     * Monthly benefits are paid in arrears on the 10th of the following month, months already past in the next daily
     * run after the decision; a one-off in the next daily run after it is confirmed. Null while nothing is payable.
     */
    LocalDate firstPaymentDate(Entitlement entitlement, Period first, Confirmation confirmation) {
        if (first == null || !Status.GRANTED.name().equals(entitlement.status)) {
            return null;
        }
        Instant decided = confirmation != null ? confirmation.confirmedAt : entitlement.createdAt;
        LocalDate nextRun = LocalDate.ofInstant(decided, clock.getZone()).plusDays(1);
        if (!entitlement.monthly) {
            return nextRun;
        }
        LocalDate due = YearMonth.from(first.fromDate()).plusMonths(1).atDay(10);
        return due.isBefore(nextRun) ? nextRun : due;
    }

    private String name(String personId) {
        String name = people.givenNames(personId);
        return name == null || name.isBlank() ? personId : name;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Logs the refusal on its own and returns it to be thrown. */
    private ProblemException refuse(String personId, String actor, String action, UUID entitlementId, String childId,
            ProblemException problem) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("detail", problem.getMessage());
        actions.refused(personId, actor, action, entitlementId, childId, problem.code(), details);
        return problem;
    }
}
