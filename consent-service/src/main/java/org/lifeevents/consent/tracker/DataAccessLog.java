package org.lifeevents.consent.tracker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Reads a person's data-access entries. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class DataAccessLog {

    /** The person's entries, newest access first (ties: latest recorded first). */
    public DataAccessPage page(String subject, int page, int size) {
        PanacheQuery<DataAccessEntry> query = DataAccessEntry.find("subjectPersonId", Sort.descending("accessedAt", "sequence"),
                subject);
        query.page(Page.of(page, size));
        long total = query.count();
        return new DataAccessPage(query.list().stream().map(DataAccessView::of).toList(), page, size, total,
                (int) ((total + size - 1) / size));
    }
}
