package org.lifeevents.eligibility.taxfeed;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeevents.common.identity.ValidIban;
import org.lifeevents.common.identity.ValidPersonId;

/** Refund accounts on record at the tax authority, one or many per request; all are accepted or none. */
@Schema(description = "Refund accounts on record at the tax authority", example = """
        {"accounts": [{"personId": "39205202210", "iban": "EE382200221020145685", "recordedOn": "2025-04-30"}]}""")
public record RefundAccountBatch(@NotEmpty @Size(max = 1000) List<@NotNull @Valid Account> accounts) {

    /** The account the tax authority pays a person's refunds to; no IBAN when the record was withdrawn. */
    public record Account(
            @NotNull @ValidPersonId String personId,
            @ValidIban String iban,
            @NotNull @PastOrPresent LocalDate recordedOn) {
    }
}
