package org.lifeevents.consent.tracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.lifeevents.common.identity.PersonId;
import org.lifeevents.consent.consent.DataCategory;
import org.lifeevents.consent.consent.Purpose;
import org.lifeevents.events.consent.DataAccessedEvent;

/** What a reported data access must satisfy to be recorded; anything else is refused to the dead-letter topic. */
public final class DataAccessRules {

    public static final String CONSENT = "CONSENT";
    public static final String STATUTORY_TASK = "STATUTORY_TASK";
    static final Set<String> LEGAL_BASES = Set.of(CONSENT, STATUTORY_TASK);

    private DataAccessRules() {
    }

    /** Every reason the event cannot be recorded; empty when it can. */
    public static List<String> problems(DataAccessedEvent e) {
        List<String> problems = new ArrayList<>();
        if (!isUuid(e.getAccessId())) {
            problems.add("accessId is not a UUID");
        }
        PersonId.problem(e.getSubjectPersonId()).ifPresent(p -> problems.add("subjectPersonId " + p));
        if (e.getAccessorService() == null || e.getAccessorService().isBlank() || e.getAccessorService().length() > 100) {
            problems.add("accessorService must be a service name of 1 to 100 characters");
        }
        if (DataCategory.parse(e.getDataCategory()).isEmpty()) {
            problems.add("dataCategory must be one of " + DataCategory.allowed());
        }
        if (Purpose.parse(e.getPurpose()).isEmpty()) {
            problems.add("purpose must be one of " + Purpose.allowed());
        }
        if (!LEGAL_BASES.contains(e.getLegalBasis())) {
            problems.add("legalBasis must be CONSENT or STATUTORY_TASK");
        }
        if (CONSENT.equals(e.getLegalBasis()) && e.getConsentId() == null) {
            problems.add("consentId is required when the legal basis is CONSENT");
        }
        if (e.getConsentId() != null && !isUuid(e.getConsentId())) {
            problems.add("consentId is not a UUID");
        }
        return problems;
    }

    private static boolean isUuid(String value) {
        if (value == null) {
            return false;
        }
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
