package org.lifeevents.eligibility.ruleset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.lifeevents.eligibility.EligibilityConfig;

/** Loads the parameter file named in the configuration once, at start-up, and fails the start when it is invalid. */
@ApplicationScoped
public class RulesetProducer {

    @Produces
    @Singleton
    ParameterTable parameters(EligibilityConfig config) {
        return ParameterTable.fromClasspath(config.ruleset().parameters());
    }
}
