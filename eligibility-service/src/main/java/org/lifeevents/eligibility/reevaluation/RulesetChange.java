package org.lifeevents.eligibility.reevaluation;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.lifeevents.eligibility.rules.HouseholdEvaluator;
import org.lifeevents.eligibility.ruleset.ParameterTable;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * At start-up, notices a new version of the parameter file or the rules and queues every household for evaluation
 * again, so each period is paid with the values in force in it (decisions change only where an amount does).
 */
@ApplicationScoped
public class RulesetChange {

    private static final Logger LOG = Logger.getLogger(RulesetChange.class);

    @Inject
    EntityManager entityManager;

    @Inject
    ReevaluationQueue queue;

    @Inject
    ParameterTable parameters;

    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(this::check);
    }

    void check() {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext('ruleset-state'))").getSingleResult();
        Object[] state = (Object[]) entityManager
                .createNativeQuery("select parameter_version, rule_version from ruleset_state where id = 1")
                .getResultStream().findFirst().orElse(null);
        if (state != null && parameters.version().equals(state[0]) && HouseholdEvaluator.RULE_VERSION.equals(state[1])) {
            return;
        }
        String from = state == null ? "none" : state[0] + "/" + state[1];
        Instant now = clock.instant();
        int queued = queue.requestAll("ruleset " + from + " -> " + parameters.version() + "/"
                + HouseholdEvaluator.RULE_VERSION, now);
        LOG.infof("Ruleset now %s / %s (was %s): %d households queued for evaluation", parameters.version(),
                HouseholdEvaluator.RULE_VERSION, from, queued);
        entityManager.createNativeQuery("""
                insert into ruleset_state (id, parameter_version, rule_version, applied_at) values (1, ?1, ?2, ?3)
                on conflict (id) do update set parameter_version = excluded.parameter_version,
                    rule_version = excluded.rule_version, applied_at = excluded.applied_at
                """)
                .setParameter(1, parameters.version())
                .setParameter(2, HouseholdEvaluator.RULE_VERSION)
                .setParameter(3, now)
                .executeUpdate();
    }
}
