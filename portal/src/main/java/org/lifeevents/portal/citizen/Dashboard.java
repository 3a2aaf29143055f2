package org.lifeevents.portal.citizen;

import java.util.List;

import org.lifeevents.portal.web.UserError;

/**
 * The parent's one page: offers to confirm, automatic grants, what waits for data, what is missing (with the one
 * action that fixes it), and the next payments.
 */
public record Dashboard(List<OfferCard> toConfirm, List<OfferCard> granted, List<OfferCard> waiting,
        List<OfferCard> closed, UserError offersError, boolean accountMissing, String account, UserError accountError,
        boolean consentMissing, List<PaymentRow> payments, UserError paymentsError, UserError actionError) {

    public boolean nothingYet() {
        return offersError == null && toConfirm.isEmpty() && granted.isEmpty() && waiting.isEmpty() && closed.isEmpty();
    }
}
