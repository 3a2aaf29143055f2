package org.lifeevents.eligibility.consent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.eligibility.facts.IncomeFact;
import org.lifeevents.eligibility.rules.DataRead;
import org.lifeevents.eligibility.rules.HouseholdFacts.ConsentGrant;
import org.lifeevents.eligibility.rules.HouseholdFacts.IncomeAccess;
import org.lifeevents.eligibility.rules.HouseholdFacts.IncomeKey;

/**
 * Decides, for each income the rules need, what may be used: the income is read only when the local consent copy
 * shows an active consent for FAMILY_BENEFITS covering TAX_INCOME and the consent service confirms it right before
 * the read. An income already read for an earlier decision, and not re-assessed since, is reused rather than read
 * again (so unchanged data is not read, or logged, twice); after a consent ends the earlier read still explains the
 * decision made with it, and nothing new is read.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class IncomeAccessResolver {

    @Inject
    ConsentCheck consentCheck;

    public Map<IncomeKey, IncomeAccess> resolve(List<IncomeKey> needs, Map<String, List<ConsentGrant>> consents,
            Instant now) {
        Map<IncomeKey, IncomeAccess> resolved = new LinkedHashMap<>();
        for (IncomeKey key : needs) {
            resolved.put(key, resolve(key, consents.getOrDefault(key.personId(), List.of()), now));
        }
        return resolved;
    }

    private IncomeAccess resolve(IncomeKey key, List<ConsentGrant> consents, Instant now) {
        IncomeRead prior = IncomeRead.latest(key.personId(), key.taxYear());
        IncomeFact income = IncomeFact.findById(new IncomeFact.Key(key.personId(), key.taxYear()));
        boolean consented = consents.stream().anyMatch(c -> c.allows(DataRead.PURPOSE, DataRead.TAX_INCOME, now));
        if (!consented) {
            return prior != null ? reuse(prior) : IncomeAccess.noConsent("NO_CONSENT");
        }
        if (prior != null && (income == null || prior.assessmentId.equals(income.assessmentId))) {
            return reuse(prior);
        }
        ConsentCheckResult check = consentCheck.check(key.personId(), DataRead.PURPOSE, DataRead.TAX_INCOME);
        return switch (check.outcome()) {
            case ALLOWED -> income == null ? IncomeAccess.notAssessed(check.consentId()) : read(income, check, now);
            case REFUSED -> prior != null ? reuse(prior) : IncomeAccess.noConsent(check.reason());
            case UNAVAILABLE -> prior != null ? reuse(prior) : IncomeAccess.checkUnavailable();
        };
    }

    private static IncomeAccess read(IncomeFact income, ConsentCheckResult check, Instant now) {
        IncomeRead read = new IncomeRead();
        read.readId = UUID.randomUUID();
        read.personId = income.personId;
        read.taxYear = income.taxYear;
        read.consentId = check.consentId();
        read.taxableIncomeCents = income.taxableIncomeCents;
        read.assessmentId = income.assessmentId;
        read.assessedAt = income.assessedAt;
        read.readAt = now.truncatedTo(ChronoUnit.MILLIS);
        read.persist();
        return IncomeAccess.read(read.consentId, read.taxableIncomeCents, read.assessmentId, read.assessedAt, read.readAt,
                true);
    }

    private static IncomeAccess reuse(IncomeRead prior) {
        return IncomeAccess.read(prior.consentId, prior.taxableIncomeCents, prior.assessmentId, prior.assessedAt,
                prior.readAt, false);
    }
}
