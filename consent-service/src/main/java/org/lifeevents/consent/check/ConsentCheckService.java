package org.lifeevents.consent.check;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.consent.consent.Consent;

/**
 * The authoritative answer to "may this person's data in this category be used for this purpose now?", read from the
 * committed consents: a revocation is refused here from the moment it commits, whatever the topic has delivered.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ConsentCheckService {

    public ConsentCheckResult check(String subject, String purpose, String dataCategory) {
        return ConsentDecision.decide(Consent.of(subject), purpose, dataCategory, Instant.now());
    }
}
