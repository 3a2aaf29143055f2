package org.lifeevents.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.lifeevents.events.Events;

import static org.lifeevents.eligibility.Inputs.child;
import static org.lifeevents.eligibility.Inputs.member;

/** Whole families published as the registry would: a household of two parents, then a birth into it. */
public final class Families {

    private Families() {
    }

    /** Publishes the parents' household, the birth and the household with the child; returns the correlation id. */
    public static String couple(Inputs inputs, String householdId, String mother, String father, String child,
            LocalDate born) {
        String correlationId = Events.newCorrelationId();
        inputs.household(householdId, 1, LocalDate.of(2024, 6, 1), "INITIAL_LOAD", Events.newCorrelationId(),
                List.of(member(mother, "Kati", father, List.of()), member(father, "Jaan", mother, List.of())));
        inputs.birth("B-" + child, child, "Mari", born, mother, father, 1, 1, householdId, correlationId);
        inputs.household(householdId, 2, born, "BIRTH", correlationId,
                List.of(member(mother, "Kati", father, List.of()), member(father, "Jaan", mother, List.of()),
                        child(child, "Mari", 1, 1, mother, father)));
        return correlationId;
    }
}
