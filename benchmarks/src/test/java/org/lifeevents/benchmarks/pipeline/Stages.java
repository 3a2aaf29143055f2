package org.lifeevents.benchmarks.pipeline;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.lifeevents.benchmarks.stack.BenchmarkStack;
import org.lifeevents.localstack.Service;

/**
 * How far each stage has got, read from each service's own database with JDBC (the services publish no such counts):
 * outbox rows the registry has not published yet, CHILD_ALLOWANCE entitlements the eligibility service has decided,
 * and CHILD_ALLOWANCE entitlements the payment service holds (its table of each entitlement's latest state, from
 * which it plans the payments).
 */
final class Stages implements AutoCloseable {

    private final Connection registry;
    private final Connection eligibility;
    private final Connection payment;

    Stages(BenchmarkStack stack) throws SQLException {
        this.registry = stack.database(Service.REGISTRY);
        this.eligibility = stack.database(Service.ELIGIBILITY);
        this.payment = stack.database(Service.PAYMENT);
    }

    long registryUnpublished() throws SQLException {
        return count(registry, "select count(*) from outbox_event where published_at is null");
    }

    long childAllowancesDecided() throws SQLException {
        return count(eligibility, "select count(*) from entitlement where benefit = 'CHILD_ALLOWANCE'");
    }

    long childAllowancesHeldByPayment() throws SQLException {
        return count(payment, "select count(*) from entitlement where benefit = 'CHILD_ALLOWANCE'");
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        registry.close();
        eligibility.close();
        payment.close();
    }
}
