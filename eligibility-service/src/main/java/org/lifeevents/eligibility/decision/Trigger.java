package org.lifeevents.eligibility.decision;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What made the engine evaluate a household again (an input event, a citizen's action, a retry), for the decision log,
 * with the correlation id that started it.
 */
public record Trigger(String description, String correlationId) {

    /**
     * What touched one household in a consumer's batch: each input in its order, and the first one's correlation id
     * (the decision is one, so it continues one story; the others' ids stay in the description's event ids).
     */
    public static Trigger together(List<Trigger> triggers) {
        if (triggers.size() == 1) {
            return triggers.get(0);
        }
        return new Trigger(triggers.stream().map(Trigger::description).collect(Collectors.joining("; ")),
                triggers.get(0).correlationId());
    }
}
