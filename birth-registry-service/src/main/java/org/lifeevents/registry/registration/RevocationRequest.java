package org.lifeevents.registry.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeevents.registry.validation.Limits;

/** A revocation: the registration was made in error. Idempotent on the revoked registration's number. */
@Schema(description = "A revocation", example = """
        {"reason": "Registered twice by the hospital; the valid registration is B-2026-000124", "revokedBy": "official 4711"}""")
public record RevocationRequest(@NotBlank @Size(max = Limits.REASON) String reason,
        @NotBlank @Size(max = Limits.NAME) String revokedBy) {
}
