package org.lifeevents.notification.preference;

/**
 * The citizen's choices as stored. {@code emailVerified} false: the address waits for its link to be followed, and
 * nothing is e-mailed to it until then.
 */
public record PreferenceView(String language, String email, boolean emailVerified, boolean emailEnabled) {

    static PreferenceView of(Preference p) {
        return p == null ? new PreferenceView("en", null, false, true)
                : new PreferenceView(p.language, p.email, p.emailVerifiedAt != null, p.emailEnabled);
    }
}
