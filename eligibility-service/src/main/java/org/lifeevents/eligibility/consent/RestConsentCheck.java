package org.lifeevents.eligibility.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks the consent service over HTTP. Any failure to get an answer (unreachable, timeout, no token, an error status)
 * is "unavailable": the decision then waits, and is neither refused nor made without the check.
 */
@ApplicationScoped
public class RestConsentCheck implements ConsentCheck {

    private static final Logger LOG = Logger.getLogger(RestConsentCheck.class);

    @Inject
    @RestClient
    ConsentServiceClient client;

    @Override
    public ConsentCheckResult check(String subjectPersonId, String purpose, String category) {
        try {
            ConsentServiceClient.Answer answer = client.check(subjectPersonId, purpose, category);
            if (answer == null) {
                return ConsentCheckResult.unavailable("empty answer");
            }
            if (answer.allowed() && answer.consentId() != null && !answer.consentId().isBlank()) {
                return ConsentCheckResult.allowed(answer.consentId());
            }
            return ConsentCheckResult.refused(answer.reason() == null ? "NO_CONSENT" : answer.reason());
        } catch (RuntimeException e) {
            LOG.warnf("Consent check for %s (%s, %s) unavailable: %s", subjectPersonId, purpose, category, e.toString());
            return ConsentCheckResult.unavailable(e.getClass().getSimpleName());
        }
    }
}
