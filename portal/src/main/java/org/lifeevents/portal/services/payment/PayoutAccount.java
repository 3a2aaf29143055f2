package org.lifeevents.portal.services.payment;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Where the citizen's benefits are paid, and where the account came from (CITIZEN or TAX_AUTHORITY). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PayoutAccount(String iban, String source, LocalDate since) {

    /** The IBAN to set; the payment service validates and normalises it. */
    public record Request(String iban) {
    }
}
