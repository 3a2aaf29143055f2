package org.lifeevents.eligibility.offer;

import java.time.LocalDate;
import java.util.List;

/** The outcome of a hand-over: who receives the child's monthly benefits from when, why, and the changed grants. */
public record HandoverView(String childId, String fromPersonId, String toPersonId, LocalDate effectiveFrom, String text,
        List<OfferView> entitlements) {
}
