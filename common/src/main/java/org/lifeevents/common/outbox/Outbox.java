package org.lifeevents.common.outbox;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.apache.avro.specific.SpecificRecord;
import org.hibernate.Session;
import org.lifeevents.events.Events;

/**
 * Adds events to the outbox table in the caller's transaction, so an event exists exactly when the business change it
 * announces is committed; {@link OutboxRelay} publishes it afterwards.
 * <p>
 * The events of a transaction are collected and written together just before it commits, by {@link OutboxWriter}: one
 * statement for the ordering locks and one multi-row insert, however many events the transaction publishes. The
 * business changes are flushed first, so a transaction takes the outbox's locks only when it has nothing else left to
 * wait for, and holds them only for the insert and the commit.
 */
@ApplicationScoped
public class Outbox {

    private static final Object PENDING_ROWS = new Object();

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    TransactionManager transactionManager;

    /**
     * Adds the event to the outbox.
     *
     * @param topic the topic, from {@link org.lifeevents.events.Topics}
     * @param key the partition key that orders the event among its kind (a person id, a household id, ...)
     */
    @Transactional(TxType.MANDATORY)
    public void publish(String topic, String key, SpecificRecord event) {
        String correlationId = Events.correlationId(event);
        if (correlationId == null || correlationId.isBlank() || correlationId.length() > Events.CORRELATION_ID_MAX_LENGTH) {
            throw new IllegalArgumentException("Event needs a correlation id of 1 to 35 characters: " + correlationId);
        }
        pendingRows().add(new OutboxWriter.Row(topic, key, event));
    }

    @SuppressWarnings("unchecked")
    private List<OutboxWriter.Row> pendingRows() {
        List<OutboxWriter.Row> rows = (List<OutboxWriter.Row>) transactions.getResource(PENDING_ROWS);
        if (rows == null) {
            List<OutboxWriter.Row> created = new ArrayList<>();
            transactions.putResource(PENDING_ROWS, created);
            // An ordinary (not interposed) synchronization runs before Hibernate's own, while the session still holds
            // its connection: the rows go out on it, and nothing is left open for the pool to close at commit.
            registerBeforeHibernate(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    write(created);
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing to release: the rows live and die with the transaction
                }
            });
            rows = created;
        }
        return rows;
    }

    private void registerBeforeHibernate(Synchronization synchronization) {
        try {
            transactionManager.getTransaction().registerSynchronization(synchronization);
        } catch (RollbackException e) {
            throw new IllegalStateException("The transaction is marked for rollback: its events would be lost", e);
        } catch (SystemException e) {
            throw new IllegalStateException("Could not register the outbox with the transaction", e);
        }
    }

    private void write(List<OutboxWriter.Row> rows) {
        Session session = entityManager.unwrap(Session.class);
        session.flush();
        session.doWork(connection -> {
            try {
                OutboxWriter.write(connection, rows);
            } catch (SQLException e) {
                throw new PersistenceException("Could not write " + rows.size() + " outbox events", e);
            }
        });
    }
}
