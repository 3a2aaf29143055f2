package org.lifeevents.eligibility.taxfeed;

import java.util.List;

/** What became of each submitted item: accepted now, or received before (and so published once only). */
public record FeedReceipt(int accepted, int alreadyReceived, List<Item> items) {

    /** One submitted item and the event that carries it. */
    public record Item(String id, String status, String eventId) {
    }

    static FeedReceipt of(List<Item> items) {
        int accepted = (int) items.stream().filter(i -> i.status().equals(TaxFeedService.ACCEPTED)).count();
        return new FeedReceipt(accepted, items.size() - accepted, items);
    }
}
