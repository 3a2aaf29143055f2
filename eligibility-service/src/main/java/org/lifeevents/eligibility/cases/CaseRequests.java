package org.lifeevents.eligibility.cases;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the caseworker API and the citizen's disagreement. */
public final class CaseRequests {

    private CaseRequests() {
    }

    /** Whom to assign the case to; empty: the caller. */
    @Schema(description = "Whom to assign the case to (a caseworker's user name); omit to take it yourself", example = "{\"assignee\": \"cora\"}")
    public record Assign(@Size(max = 100) String assignee) {
    }

    /** The written reason an approval or rejection needs. */
    @Schema(description = "The caseworker's written reason", example = "{\"reason\": \"Checked with the registry: the data is right.\"}")
    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    /** A written reason and the amount to pay (cents, per period). */
    @Schema(description = "Override: the amount to pay per period in euro cents and the written reason", example = "{\"reason\": \"Court order 12/2026\", \"amountCents\": 25000}")
    public record Override(@NotBlank @Size(max = 2000) String reason, @NotNull @Positive Long amountCents) {
    }

    /** A citizen's disagreement with a decision. */
    @Schema(description = "The entitlement you disagree with and why", example = "{\"entitlementId\": \"0b6a4c1e-4f4e-3a57-9a0e-2d1f8b7c6e5d\", \"reason\": \"My son lives with me, not with his father.\"}")
    public record Disagree(@NotNull UUID entitlementId, @NotBlank @Size(max = 2000) String reason) {
    }
}
