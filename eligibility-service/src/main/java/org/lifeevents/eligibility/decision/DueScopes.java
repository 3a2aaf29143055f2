package org.lifeevents.eligibility.decision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.transaction.TransactionScoped;

/**
 * The scopes a batch of input events touched in the current transaction, each with what touched it, so that each is
 * decided once at the end of the batch however many of its events arrived. Open only while a batch is handled; outside
 * one, decisions are made at once.
 */
@TransactionScoped
class DueScopes {

    private boolean open;
    private final Map<String, List<Trigger>> due = new TreeMap<>();

    void open() {
        open = true;
    }

    boolean isOpen() {
        return open;
    }

    void add(Collection<String> scopes, Trigger trigger) {
        for (String scope : scopes) {
            List<Trigger> triggers = due.computeIfAbsent(scope, s -> new ArrayList<>());
            if (!triggers.contains(trigger)) {
                triggers.add(trigger);
            }
        }
    }

    /** The due scopes in lock order with what touched each, and closes the batch. */
    Map<String, List<Trigger>> close() {
        open = false;
        Map<String, List<Trigger>> taken = new TreeMap<>(due);
        due.clear();
        return taken;
    }
}
