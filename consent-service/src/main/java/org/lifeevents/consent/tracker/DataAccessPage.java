package org.lifeevents.consent.tracker;

import java.util.List;

/** One page of a person's data-access entries, newest first. */
public record DataAccessPage(List<DataAccessView> items, int page, int size, long totalItems, int totalPages) {
}
