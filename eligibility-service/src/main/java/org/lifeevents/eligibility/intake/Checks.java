package org.lifeevents.eligibility.intake;

import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.intake.RejectedEventException;

/** Contract checks on incoming events: what breaks them goes to the dead-letter topic and changes nothing. */
final class Checks {

    private Checks() {
    }

    static String personId(String value, String field) {
        if (value == null || !PersonId.isValid(value)) {
            throw new RejectedEventException(field + " is not a valid personal identification code: " + value);
        }
        return value;
    }

    static String optionalPersonId(String value, String field) {
        return value == null ? null : personId(value, field);
    }
}
