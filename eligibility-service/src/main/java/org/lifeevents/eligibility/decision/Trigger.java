package org.lifeevents.eligibility.decision;

/**
 * What made the engine evaluate a household again (an input event, a citizen's action, a retry), for the decision log,
 * with the correlation id that started it.
 */
public record Trigger(String description, String correlationId) {
}
