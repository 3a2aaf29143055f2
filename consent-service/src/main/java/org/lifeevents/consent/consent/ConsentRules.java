package org.lifeevents.consent.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.lifeevents.common.problem.Problem.FieldError;

/**
 * What a consent request must satisfy beyond its form: known purpose and categories, and a validity that starts now or
 * later (a consent cannot cover uses made before it was given) and ends after it starts.
 */
public final class ConsentRules {

    /** Clock difference between the citizen's device and us that we still read as "now". */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private ConsentRules() {
    }

    /** Every problem of the request at the given time; empty when it may be granted. */
    public static List<FieldError> problems(ConsentRequest request, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (request.purpose() != null && Purpose.parse(request.purpose()).isEmpty()) {
            errors.add(new FieldError("purpose", "unknown_purpose", "must be one of " + Purpose.allowed()));
        }
        List<String> categories = request.dataCategories() == null ? List.of() : request.dataCategories();
        for (int i = 0; i < categories.size(); i++) {
            String category = categories.get(i);
            if (category != null && DataCategory.parse(category).isEmpty()) {
                errors.add(new FieldError("dataCategories[" + i + "]", "unknown_data_category",
                        "must be one of " + DataCategory.allowed()));
            }
        }
        Instant from = effectiveFrom(request, now);
        if (request.validFrom() != null && request.validFrom().isBefore(now.minus(CLOCK_TOLERANCE))) {
            errors.add(new FieldError("validFrom", "in_past", "must not be in the past: a consent cannot cover earlier uses"));
        }
        if (request.validUntil() != null) {
            if (!request.validUntil().isAfter(now)) {
                errors.add(new FieldError("validUntil", "in_past", "must be in the future"));
            } else if (!request.validUntil().isAfter(from)) {
                errors.add(new FieldError("validUntil", "not_after_valid_from", "must be after validFrom (" + from + ")"));
            }
        }
        return errors;
    }

    /** The start of validity to store: the requested one, but never before the moment of granting. */
    public static Instant effectiveFrom(ConsentRequest request, Instant now) {
        return request.validFrom() == null || request.validFrom().isBefore(now) ? now
                : request.validFrom().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** The categories to store: each once, in the order given. */
    public static List<String> categories(ConsentRequest request) {
        return request.dataCategories().stream().distinct().toList();
    }
}
