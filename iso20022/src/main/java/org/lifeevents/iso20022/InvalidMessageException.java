package org.lifeevents.iso20022;

import java.util.List;

/** A message that breaks its schema; it must not leave (or be accepted). */
public class InvalidMessageException extends RuntimeException {

    private final List<String> violations;

    public InvalidMessageException(String namespace, List<String> violations) {
        super("Not valid " + namespace.substring(namespace.lastIndexOf(':') + 1) + ": " + violations);
        this.violations = violations;
    }

    public List<String> violations() {
        return violations;
    }
}
