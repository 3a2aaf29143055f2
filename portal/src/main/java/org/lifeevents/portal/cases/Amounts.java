package org.lifeevents.portal.cases;

import java.math.BigDecimal;
import java.util.Optional;

/** Reads an amount in euros as a person types it ("1250", "1250.50", "1 250,50") into integer cents, exactly. */
public final class Amounts {

    private Amounts() {
    }

    /** The cents, or empty when the text is not an amount of at most two decimals, at least zero. */
    public static Optional<Long> parseEuros(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.replaceAll("[\\s\u00a0€]", "").replace("EUR", "");
        if (compact.isEmpty() || !compact.matches("\\d+([.,]\\d{1,2})?")) {
            return Optional.empty();
        }
        BigDecimal euros = new BigDecimal(compact.replace(',', '.'));
        return Optional.of(euros.movePointRight(2).longValueExact());
    }
}
