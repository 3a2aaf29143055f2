package org.lifeevents.portal.citizen;

import org.lifeevents.portal.i18n.Formats;
import org.lifeevents.portal.i18n.Texts;
import org.lifeevents.portal.services.payment.Payment;

/** Payments in the reader's language. */
final class PaymentRows {

    private PaymentRows() {
    }

    static PaymentRow row(Payment p, Texts texts, Formats formats) {
        String period;
        if (p.periodStart() == null) {
            period = null;
        } else if (p.periodEnd() == null || p.periodEnd().equals(p.periodStart())) {
            period = formats.date(p.periodStart());
        } else if (p.periodStart().getDayOfMonth() == 1
                && p.periodEnd().equals(p.periodStart().withDayOfMonth(p.periodStart().lengthOfMonth()))) {
            period = formats.month(p.periodStart());
        } else {
            period = texts.msg().period_months(formats.date(p.periodStart()), formats.date(p.periodEnd()));
        }
        String date = p.settledAt() != null ? formats.date(p.settledAt())
                : p.sentAt() != null ? formats.date(p.sentAt()) : formats.date(p.dueDate());
        String benefit = texts.label("benefit", p.benefit());
        if (Boolean.TRUE.equals(p.topUp())) {
            benefit = texts.msg().payment_top_up(benefit);
        }
        String offset = p.offsetCents() != null && p.offsetCents() > 0
                ? texts.msg().payment_offset(formats.money(p.offsetCents()))
                : null;
        return new PaymentRow(benefit, period, formats.money(p.amountCents()), texts.label("payment_status", p.status()),
                p.status(), p.waitingFor() == null ? null : texts.label("waiting", p.waitingFor()), date, p.endToEndId(),
                offset);
    }
}
