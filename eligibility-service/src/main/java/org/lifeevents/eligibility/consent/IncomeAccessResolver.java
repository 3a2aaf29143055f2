package org.lifeevents.eligibility.consent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
        return resolve(needs, consents, now, held(needs));
    }

    /**
     * As {@link #resolve(List, Map, Instant)}, from the incomes and reads held for a whole poll's needs; a need not
     * held yet is fetched.
     */
    public Map<IncomeKey, IncomeAccess> resolve(List<IncomeKey> needs, Map<String, List<ConsentGrant>> consents,
            Instant now, Held held) {
        fetch(needs.stream().filter(key -> !held.fetched.contains(key)).toList(), held);
        Map<IncomeKey, IncomeAccess> resolved = new LinkedHashMap<>();
        for (IncomeKey key : needs) {
            resolved.put(key, resolve(key, consents.getOrDefault(key.personId(), List.of()), now, held));
        }
        return resolved;
    }

    /**
     * The incomes and the latest reads of these needs, in two statements however many households need them. A read
     * made while deciding one household is added, so a later household of the same poll reuses it as it would have
     * found it stored.
     */
    public Held held(Collection<IncomeKey> needs) {
        Held held = new Held();
        fetch(needs, held);
        return held;
    }

    /** The stored incomes and the latest read of each, by income; the entities are only read from. */
    public static final class Held {

        private final Set<IncomeKey> fetched = new HashSet<>();
        private final Map<IncomeKey, IncomeFact> incomes = new HashMap<>();
        private final Map<IncomeKey, IncomeRead> latestReads = new HashMap<>();
    }

    private static void fetch(Collection<IncomeKey> needs, Held held) {
        if (needs.isEmpty()) {
            return;
        }
        Set<IncomeKey> wanted = new HashSet<>(needs);
        Set<String> people = wanted.stream().map(IncomeKey::personId).collect(Collectors.toSet());
        Set<Integer> years = wanted.stream().map(IncomeKey::taxYear).collect(Collectors.toSet());
        for (IncomeFact income : IncomeFact.<IncomeFact> list("personId in ?1 and taxYear in ?2", people, years)) {
            IncomeKey key = new IncomeKey(income.personId, income.taxYear);
            if (wanted.contains(key)) {
                held.incomes.put(key, income);
            }
        }
        for (IncomeRead read : IncomeRead.<IncomeRead> list("personId in ?1 and taxYear in ?2", people, years)) {
            IncomeKey key = new IncomeKey(read.personId, read.taxYear);
            IncomeRead latest = held.latestReads.get(key);
            if (wanted.contains(key) && (latest == null || read.readAt.isAfter(latest.readAt))) {
                held.latestReads.put(key, read);
            }
        }
        held.fetched.addAll(wanted);
    }

    private IncomeAccess resolve(IncomeKey key, List<ConsentGrant> consents, Instant now, Held held) {
        IncomeRead prior = held.latestReads.get(key);
        IncomeFact income = held.incomes.get(key);
        boolean consented = consents.stream().anyMatch(c -> c.allows(DataRead.PURPOSE, DataRead.TAX_INCOME, now));
        if (!consented) {
            return prior != null ? reuse(prior) : IncomeAccess.noConsent("NO_CONSENT");
        }
        if (prior != null && (income == null || prior.assessmentId.equals(income.assessmentId))) {
            return reuse(prior);
        }
        ConsentCheckResult check = consentCheck.check(key.personId(), DataRead.PURPOSE, DataRead.TAX_INCOME);
        return switch (check.outcome()) {
            case ALLOWED -> income == null ? IncomeAccess.notAssessed(check.consentId()) : read(key, income, check, now, held);
            case REFUSED -> prior != null ? reuse(prior) : IncomeAccess.noConsent(check.reason());
            case UNAVAILABLE -> prior != null ? reuse(prior) : IncomeAccess.checkUnavailable();
        };
    }

    private static IncomeAccess read(IncomeKey key, IncomeFact income, ConsentCheckResult check, Instant now,
            Held held) {
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
        held.latestReads.put(key, read);
        return IncomeAccess.read(read.consentId, read.taxableIncomeCents, read.assessmentId, read.assessedAt, read.readAt,
                true);
    }

    private static IncomeAccess reuse(IncomeRead prior) {
        return IncomeAccess.read(prior.consentId, prior.taxableIncomeCents, prior.assessmentId, prior.assessedAt,
                prior.readAt, false);
    }
}
