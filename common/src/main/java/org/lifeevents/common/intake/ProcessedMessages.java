package org.lifeevents.common.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Forgets the ids of handled events once no redelivery can bring those events back ({@link IntakeConfig}): without it
 * {@code processed_message} grows by a row per event for ever. Each consumer keeps the ids of its last
 * {@code processed-retention} of activity, measured from the newest id it recorded, so the pruning never depends on
 * how long the service was down. Deleted set-based, a bounded number of rows per statement, each its own short
 * transaction, so the intake writing beside it is never held up for long.
 */
@ApplicationScoped
public class ProcessedMessages {

    private static final Logger LOG = Logger.getLogger(ProcessedMessages.class);

    /** Rows deleted per statement. */
    static final int BATCH = 10_000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IntakeConfig config;

    @Scheduled(every = "${lifeevents.intake.processed-prune-every:1h}", delayed = "1m", concurrentExecution = ConcurrentExecution.SKIP)
    void pruneOnSchedule() {
        try {
            long deleted = prune(dataSource, config.processedRetention(), BATCH);
            if (deleted > 0) {
                LOG.infof("Forgot %d handled event ids older than %s before each consumer's newest", deleted,
                        config.processedRetention());
            }
        } catch (SQLException e) {
            // Nothing is lost by waiting: the next run deletes what this one could not.
            LOG.warnf(e, "Could not prune processed_message; trying again in %s", config.processedPruneEvery());
        }
    }

    /**
     * Deletes, for every consumer, the ids recorded more than {@code retention} before its newest one.
     *
     * @return how many ids were deleted
     */
    public static long prune(DataSource dataSource, Duration retention, int batch) throws SQLException {
        long deleted = 0;
        try (Connection connection = dataSource.getConnection()) {
            Map<String, OffsetDateTime> horizons = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select consumer, max(processed_at) - make_interval(secs => ?) from processed_message
                    group by consumer order by consumer""")) {
                statement.setDouble(1, retention.toMillis() / 1000.0);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        horizons.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("""
                    delete from processed_message where ctid = any(array(
                        select ctid from processed_message where consumer = ? and processed_at < ? limit ?))""")) {
                for (Map.Entry<String, OffsetDateTime> horizon : horizons.entrySet()) {
                    int rows;
                    do {
                        delete.setString(1, horizon.getKey());
                        delete.setObject(2, horizon.getValue());
                        delete.setInt(3, batch);
                        rows = delete.executeUpdate();
                        deleted += rows;
                    } while (rows == batch);
                }
            }
        }
        return deleted;
    }
}
