package org.lifeevents.portal.web;

import java.util.Map;

/**
 * A service error in words for the person: the message, the field messages keyed by form field, and the correlation
 * id to quote to support. Never a stack trace.
 */
public record UserError(String message, String reference, Map<String, String> fields) {

    public UserError {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    public static UserError of(String message) {
        return new UserError(message, null, Map.of());
    }

    public String field(String name) {
        return fields.get(name);
    }

    public boolean hasField(String name) {
        return fields.containsKey(name);
    }
}
