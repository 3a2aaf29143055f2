package org.lifeevents.notification.preference;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the citizen chooses: the language of their notices, the address to e-mail them at (used once verified by the
 * link sent to it; null: no e-mail), and whether to get e-mail for the notices the law does not require.
 */
@Schema(examples = "{\"language\":\"zh-TW\",\"email\":\"kati@example.org\",\"emailEnabled\":true}")
public record PreferenceRequest(
        @NotNull @Pattern(regexp = "en|zh-TW", message = "must be en or zh-TW") String language,
        @Email @Size(max = 254) String email,
        @NotNull Boolean emailEnabled) {
}
