package org.lifeevents.localservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server process from the zonky embedded binaries: no system package and no Docker, and it runs
 * as root too. One server, one database per service.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    /** The embedded server trusts loopback connections; services still send a password, as they would in production. */
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts the server.
     *
     * @param dataDir the cluster directory
     * @param port 0 for any free port
     * @param keepData true reuses an existing cluster in dataDir (local stack); false starts from an empty one (tests)
     */
    public static PostgresServer start(Path dataDir, int port, boolean keepData) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(!keepData)
                    .setPort(Ports.orFree(port))
                    .setServerConfig("max_connections", "300")
                    // The outbox takes a transaction-scoped lock per key; a payment file publishes thousands at once.
                    .setServerConfig("max_locks_per_transaction", "256")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // A payment run rewrites a million rows in minutes. With the defaults (128 MB of buffers, a
                    // checkpoint every 1 GB of WAL) its working set is evicted as it is written and every checkpoint
                    // starts the full-page images over: a batch of the run wrote 12 KiB of WAL per payment. These are
                    // the settings a production server for this load has; memory is only
                    // taken as it is used.
                    .setServerConfig("shared_buffers", "1GB")
                    .setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("wal_compression", "on")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .start();
            return new PostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String database) {
        if (!database.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
