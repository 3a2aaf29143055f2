package org.lifeevents.eligibility;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * The SQL the service prepares on the test's own thread while a test records it, so a test can count round trips;
 * other threads (consumers, schedulers) and unrecorded work are not kept.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class Statements implements StatementInspector {

    private static final ThreadLocal<List<String>> RECORDED = new ThreadLocal<>();

    /** Runs the work and returns the statements it prepared, in order. */
    public static List<String> of(Runnable work) {
        List<String> statements = new ArrayList<>();
        RECORDED.set(statements);
        try {
            work.run();
            return statements;
        } finally {
            RECORDED.remove();
        }
    }

    @Override
    public String inspect(String sql) {
        List<String> statements = RECORDED.get();
        if (statements != null) {
            statements.add(sql);
        }
        return sql;
    }
}
