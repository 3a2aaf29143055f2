package org.lifeevents.consent.check;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    Clock clock;

    public ConsentCheckResult check(String subject, String purpose, String dataCategory) {
        return ConsentDecision.decide(Consent.of(subject), purpose, dataCategory, clock.instant());
    }
}
