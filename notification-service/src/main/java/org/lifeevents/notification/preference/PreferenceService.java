package org.lifeevents.notification.preference;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.notification.notice.NotificationConfig;

/** Stores a citizen's choices and verifies their e-mail address by a link with a single-use token. */
@ApplicationScoped
@Transactional
public class PreferenceService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    /** A verification link to send: to which address, in which language. */
    public record Verification(String email, String language, String link) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PreferenceView of(String personId) {
        return PreferenceView.of(Preference.findById(personId));
    }

    /**
     * Stores the choices; a new address (or one still unverified) gets a fresh token, and the link to send is
     * returned. A verified address that stays the same stays verified.
     */
    public Optional<Verification> update(String personId, PreferenceRequest request) {
        Instant now = clock.instant();
        Preference p = Preference.findById(personId);
        if (p == null) {
            p = new Preference();
            p.personId = personId;
        }
        String email = request.email() == null || request.email().isBlank() ? null : request.email().trim();
        boolean sameVerifiedAddress = p.emailVerifiedAt != null && Objects.equals(p.email, email);
        p.language = request.language();
        p.emailEnabled = request.emailEnabled();
        p.updatedAt = now;
        Optional<Verification> verification = Optional.empty();
        if (!sameVerifiedAddress) {
            p.email = email;
            p.emailVerifiedAt = null;
            p.verificationToken = null;
            p.verificationExpiresAt = null;
            if (email != null) {
                byte[] secret = new byte[32];
                RANDOM.nextBytes(secret);
                p.verificationToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
                p.verificationExpiresAt = now.plus(config.email().verificationValidFor());
                verification = Optional.of(new Verification(email, p.language,
                        config.email().verificationBaseUrl() + "/notification-preferences/verification?token="
                                + p.verificationToken));
            }
        }
        p.persist();
        return verification;
    }

    /** Marks the address verified; the token works once and until it expires. */
    public PreferenceView verify(String token) {
        Preference p = token == null || token.isBlank() ? null
                : Preference.<Preference> find("verificationToken", token).firstResult();
        if (p == null) {
            throw ProblemException.notFound("verification_link_unknown",
                    "This link is not known or was already used. Ask for a new one in the portal.");
        }
        if (p.verificationExpiresAt.isBefore(clock.instant())) {
            throw new ProblemException(410, "verification_link_expired", "Gone",
                    "This link has expired. Ask for a new one in the portal.", List.of());
        }
        p.emailVerifiedAt = clock.instant();
        p.verificationToken = null;
        p.verificationExpiresAt = null;
        return PreferenceView.of(p);
    }
}
