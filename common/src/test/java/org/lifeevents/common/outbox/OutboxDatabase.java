package org.lifeevents.common.outbox;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;

import javax.sql.DataSource;

import org.lifeevents.localservers.PostgresServer;
import org.lifeevents.localservers.testing.SharedServers;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of the test JVM's real PostgreSQL with the common migration's outbox tables and the services'
 * traceparent column, for the outbox's and the intake's tests.
 */
public final class OutboxDatabase {

    private OutboxDatabase() {
    }

    public static DataSource create(String database) throws Exception {
        PostgresServer postgres = SharedServers.postgres(database);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl(database));
        dataSource.setUser(PostgresServer.USER);
        dataSource.setPassword(PostgresServer.PASSWORD);
        try (Connection connection = dataSource.getConnection();
                InputStream sql = OutboxDatabase.class.getClassLoader()
                        .getResourceAsStream("db/common/V0_1__outbox_and_inbox.sql")) {
            connection.createStatement().execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
            // what every service's own migration adds (V4__outbox_traceparent.sql in the registry, ...)
            connection.createStatement().execute("alter table outbox_event add column if not exists traceparent text");
        }
        return dataSource;
    }
}
