package org.lifeevents.portal.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.lifeevents.portal.i18n.Formats;
import org.lifeevents.portal.i18n.Texts;
import org.lifeevents.portal.services.payment.Ledger;

/** Turns the payment service's ledger into words and formatted amounts, in the reader's language. */
final class LedgerViews {

    private final Texts texts;
    private final Formats formats;
    private final String me;
    private final Function<Ledger.Entitlement, String> decisionLink;

    /**
     * @param me the reader's own person id (marked as "you"), or null
     * @param decisionLink where a decision's explanation is read for the reader, or null when there is no such page
     */
    LedgerViews(Texts texts, Formats formats, String me, Function<Ledger.Entitlement, String> decisionLink) {
        this.texts = texts;
        this.formats = formats;
        this.me = me;
        this.decisionLink = decisionLink;
    }

    LedgerView view(Ledger ledger, String heading) {
        List<LedgerView.Line> people = ledger.people().stream()
                .map(p -> line(null, null, person(p.personId()), p.owedCents(), p.paidCents(),
                        p.scheduledCents() + p.heldCents(), p.claimedCents(), p.differenceCents(), List.of()))
                .toList();
        List<LedgerView.Block> blocks = ledger.entitlements().stream().map(this::block).toList();
        return new LedgerView(heading, formats.date(ledger.asOf()), people, total(ledger.totals()), blocks);
    }

    private LedgerView.Block block(Ledger.Entitlement e) {
        List<LedgerView.Line> rows = new ArrayList<>();
        for (Ledger.Period period : e.periods()) {
            boolean first = true;
            for (Ledger.Person p : period.people()) {
                List<String> details = new ArrayList<>();
                period.payments().stream().filter(x -> p.personId().equals(x.recipientId())).map(this::payment)
                        .forEach(details::add);
                period.claims().stream().filter(x -> p.personId().equals(x.debtorId())).map(this::claim)
                        .forEach(details::add);
                rows.add(line(first ? period(period) : null,
                        first && period.dueDate() != null ? texts.msg().ledger_due(formats.date(period.dueDate())) : null,
                        person(p.personId()), p.owedCents(), p.paidCents(), p.scheduledCents() + p.heldCents(),
                        p.claimedCents(), p.differenceCents(), details));
                first = false;
            }
        }
        String benefit = e.benefit() == null ? texts.msg().ledger_unknown_benefit() : texts.label("benefit", e.benefit());
        return new LedgerView.Block(String.valueOf(e.entitlementId()), benefit,
                e.beneficiaryId() == null ? null : texts.msg().ledger_beneficiary(person(e.beneficiaryId())),
                e.status() == null ? null : texts.label("status", e.status()), e.decisionId(),
                e.decisionId() == null ? null : decisionLink.apply(e), rows, total(e.totals()));
    }

    private LedgerView.Line total(Ledger.Figures f) {
        if (f == null) {
            return null;
        }
        return new LedgerView.Line(null, null, texts.msg().ledger_total(), formats.money(f.owedCents()),
                formats.money(f.paidCents()), null, formats.money(f.claimedCents()), formats.money(f.differenceCents()),
                f.differenceCents() != 0, List.of());
    }

    private LedgerView.Line line(String period, String due, String person, long owed, long paid, long scheduled,
            long claimed, long difference, List<String> details) {
        return new LedgerView.Line(period, due, person, formats.money(owed), formats.money(paid),
                scheduled == 0 ? null : formats.money(scheduled), formats.money(claimed), formats.money(difference),
                difference != 0, details);
    }

    private String period(Ledger.Period p) {
        if (p.periodEnd() == null || p.periodEnd().equals(p.periodStart())) {
            return formats.date(p.periodStart());
        }
        if (p.periodStart().getDayOfMonth() == 1
                && p.periodEnd().equals(p.periodStart().withDayOfMonth(p.periodStart().lengthOfMonth()))) {
            return formats.month(p.periodStart());
        }
        return texts.msg().period_months(formats.date(p.periodStart()), formats.date(p.periodEnd()));
    }

    private String person(String personId) {
        return personId != null && personId.equals(me) ? texts.msg().ledger_you(personId) : personId;
    }

    private String payment(Ledger.Payment p) {
        String amount = formats.money(p.grossCents());
        String status = texts.label("payment_status", p.status());
        String text = p.refundOfClaim() != null ? texts.msg().ledger_payment_refund(amount, status)
                : p.topUp() ? texts.msg().ledger_payment_top_up(amount, status)
                        : texts.msg().ledger_payment(amount, status);
        if (p.endToEndId() != null) {
            text = texts.msg().ledger_with_reference(text, p.endToEndId());
        }
        if (p.fileMessageId() != null) {
            text = texts.msg().ledger_with_file(text, p.fileMessageId());
        }
        return text;
    }

    private String claim(Ledger.Claim c) {
        String claim = texts.msg().ledger_claim(formats.money(c.amountCents()), formats.money(c.remainingCents()),
                texts.label("claim_reason", c.reason()));
        return c.releasedCents() > 0 ? texts.msg().ledger_claim_released(claim, formats.money(c.releasedCents()))
                : claim;
    }
}
