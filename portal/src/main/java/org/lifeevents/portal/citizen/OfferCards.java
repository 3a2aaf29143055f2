package org.lifeevents.portal.citizen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lifeevents.portal.i18n.Formats;
import org.lifeevents.portal.i18n.Msg;
import org.lifeevents.portal.i18n.Texts;
import org.lifeevents.portal.services.eligibility.Explanation;
import org.lifeevents.portal.services.eligibility.Missing;
import org.lifeevents.portal.services.eligibility.Offer;

/**
 * Turns the eligibility service's offers and explanations into cards in the reader's language: benefit and status
 * labels, amounts and dates formatted, each input named with where it came from and when.
 */
public final class OfferCards {

    public static final String MISSING_PAYOUT_ACCOUNT = "PAYOUT_ACCOUNT";
    public static final String MISSING_CONSENT_TAX_INCOME = "CONSENT_TAX_INCOME";
    private static final Pattern YEARLY_INPUT = Pattern.compile("([A-Za-z]+?)(\\d{4})");
    private static final Pattern SOURCE = Pattern.compile("^([a-z ]+?)(?:\\s*\\((.*)\\))?(,.*)?$");

    private final Texts texts;
    private final Formats formats;

    public OfferCards(Texts texts, Formats formats) {
        this.texts = texts;
        this.formats = formats;
    }

    public OfferCard card(Offer offer) {
        Msg msg = texts.msg();
        Explanation why = offer.explanation();
        String amount = formats.money(offer.amountCents());
        if (amount != null && offer.isMonthly()) {
            amount = msg.amount_per_month(amount);
        }
        String forWhom = offer.beneficiaryName() != null && !offer.beneficiaryName().isBlank()
                ? offer.beneficiaryName() + " (" + offer.beneficiaryId() + ")"
                : offer.beneficiaryId();
        List<OfferCard.Fact> facts = new ArrayList<>();
        List<OfferCard.ParameterLine> parameters = new ArrayList<>();
        List<String> arithmetic = List.of();
        if (why != null) {
            why.inputs().forEach(input -> facts.add(fact(input)));
            why.parameters().forEach(p -> parameters.add(parameter(p)));
            arithmetic = why.arithmetic();
        }
        String citizenText = offer.citizenText() != null ? offer.citizenText() : why == null ? null : why.citizenText();
        String legalReference = offer.legalReference() != null ? offer.legalReference()
                : why == null ? null : why.legalReference();
        return new OfferCard(offer.entitlementId(), offer.benefit(), texts.label("benefit", offer.benefit()),
                offer.status(), texts.label("status", offer.status()), forWhom, amount, offer.isMonthly(), period(offer),
                formats.date(offer.firstPaymentDate()), offer.confirmable(), "PARENTAL_BENEFIT".equals(offer.benefit()),
                offer.confirmedBy(), facts, parameters, arithmetic, citizenText, legalReference,
                offer.missing().stream().map(this::missing).toList());
    }

    String period(Offer offer) {
        Msg msg = texts.msg();
        if (offer.periodFrom() == null) {
            return null;
        }
        if (!offer.isMonthly()) {
            return formats.date(offer.periodFrom());
        }
        if (offer.periodUntil() == null) {
            return msg.period_from(formats.month(offer.periodFrom()));
        }
        if (offer.periodFrom().withDayOfMonth(1).equals(offer.periodUntil().withDayOfMonth(1))) {
            return formats.month(offer.periodFrom());
        }
        return msg.period_months(formats.month(offer.periodFrom()), formats.month(offer.periodUntil()));
    }

    public OfferCard.Fact fact(Explanation.Input input) {
        return new OfferCard.Fact(inputName(input.name()), input.value(), source(input.source()),
                formats.date(input.observedAt()));
    }

    String inputName(String name) {
        if (name == null) {
            return "";
        }
        Matcher yearly = YEARLY_INPUT.matcher(name);
        if (yearly.matches() && texts.find("input", yearly.group(1)).isPresent()) {
            return texts.msg().input_of_year(texts.find("input", yearly.group(1)).get(), yearly.group(2));
        }
        return texts.find("input", name).orElse(name);
    }

    /** "civil registry (birth registration B-1)" becomes "the civil registry (birth registration B-1)" in words. */
    public String source(String source) {
        if (source == null || source.isBlank()) {
            return texts.msg().source_unknown();
        }
        Matcher m = SOURCE.matcher(source.trim());
        if (m.matches()) {
            String key = m.group(1).trim().toLowerCase(Locale.ROOT).replace(' ', '_');
            var label = texts.find("source", key);
            if (label.isPresent()) {
                String detail = m.group(2);
                String rest = m.group(3) == null ? "" : m.group(3);
                return detail == null || detail.isBlank() ? label.get() + rest
                        : texts.msg().source_with_detail(label.get(), detail) + rest;
            }
        }
        return source;
    }

    OfferCard.ParameterLine parameter(Explanation.Parameter p) {
        String value;
        if (p.value() == null) {
            value = "";
        } else if (p.unit() != null && p.unit().startsWith("EUR cents")) {
            String unit = texts.find("unit", p.unit()).orElse("");
            value = unit.isEmpty() ? formats.money(p.value()) : formats.money(p.value()) + " " + unit;
        } else {
            String unit = p.unit() == null ? "" : texts.find("unit", p.unit()).orElse(p.unit());
            value = unit.isEmpty() ? String.valueOf(p.value()) : p.value() + " " + unit;
        }
        return new OfferCard.ParameterLine(texts.find("parameter", p.name()).orElse(p.name()), value,
                p.legalReference(), formats.date(p.validFrom()));
    }

    OfferCard.MissingItem missing(Missing missing) {
        String code = missing.code();
        String text = texts.find("missing", code).orElse(missing.text());
        String action = MISSING_PAYOUT_ACCOUNT.equals(code) ? "account"
                : MISSING_CONSENT_TAX_INCOME.equals(code) ? "consent" : null;
        return new OfferCard.MissingItem(code, text, action);
    }
}
