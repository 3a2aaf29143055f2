package org.lifeevents.benchmarks.payrun;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;

import org.lifeevents.benchmarks.stack.BenchmarkStack;
import org.lifeevents.localstack.Service;

/**
 * The payment database as it stands on the morning of a payment day, for {@code count} people numbered from
 * {@code firstPerson}: each has a payout account and a granted monthly CHILD_ALLOWANCE planned through last month, and
 * last month's payment is SCHEDULED, due today; each is a person known to the service (alive, named). Written
 * set-based straight into the payment database, because bringing a million entitlements in through the pipeline would
 * take hours and is measured by the pipeline benchmark. The rows are what the service itself writes: the entitlement
 * as its consumer stores it, the payment as {@code ScheduleExtension} plans a month.
 */
final class MonthSeed {

    static final String BENEFIT = "CHILD_ALLOWANCE";
    static final long AMOUNT_CENTS = 8000;
    /** A valid Estonian IBAN, so the bank simulator credits every transfer. */
    static final String IBAN = "EE382200221020145685";

    private final BenchmarkStack stack;
    private final YearMonth month;
    private final LocalDate paymentDay;
    private final long firstPerson;
    private final int count;

    /**
     * @param month the month of the run: last month's payments are due on its payment day
     * @param firstPerson the number of the first person; people are 11-digit ids from it on
     */
    MonthSeed(BenchmarkStack stack, YearMonth month, LocalDate paymentDay, long firstPerson, int count) {
        this.stack = stack;
        this.month = month;
        this.paymentDay = paymentDay;
        this.firstPerson = firstPerson;
        this.count = count;
    }

    int count() {
        return count;
    }

    String firstRecipient() {
        return personId(firstPerson);
    }

    String lastRecipient() {
        return personId(firstPerson + count - 1);
    }

    /** Writes the accounts, entitlements and payments in one transaction, then analyzes; returns how long it took. */
    Duration write() throws SQLException {
        LocalDate lastMonth = month.minusMonths(1).atDay(1);
        long start = System.nanoTime();
        try (Connection db = stack.database(Service.PAYMENT)) {
            db.setAutoCommit(false);
            try (PreparedStatement accounts = db.prepareStatement("""
                    insert into payout_account (person_id, iban, source, since)
                    select lpad((?::bigint + n)::text, 11, '0'), ?, 'CITIZEN', ?
                    from generate_series(0, ? - 1) n
                    on conflict do nothing
                    """)) {
                accounts.setLong(1, firstPerson);
                accounts.setString(2, IBAN);
                accounts.setObject(3, lastMonth);
                accounts.setInt(4, count);
                accounts.executeUpdate();
            }
            // Every recipient is a person the registry told the service about, as in a country: the run reads their
            // names into the files, and planning and assigning check their deaths against this table.
            try (PreparedStatement people = db.prepareStatement("""
                    insert into person (person_id, display_name)
                    select lpad((?::bigint + n)::text, 11, '0'), 'Recipient ' || (?::bigint + n)
                    from generate_series(0, ? - 1) n
                    on conflict do nothing
                    """)) {
                people.setLong(1, firstPerson);
                people.setLong(2, firstPerson);
                people.setInt(3, count);
                people.executeUpdate();
            }
            try (PreparedStatement entitlements = db.prepareStatement("""
                    insert into entitlement (entitlement_id, version, benefit, status, monthly, recipient_id,
                                             correlation_id, periods, granted_on, planned_through)
                    select gen_random_uuid(), 1, ?, 'GRANTED', true, p.id, 'B' || md5(p.id),
                           jsonb_build_array(jsonb_build_object('fromDate', ?, 'untilDate', null,
                               'amountCents', ?::bigint, 'recipientId', p.id)), ?, ?
                    from generate_series(0, ? - 1) n
                    cross join lateral (select lpad((?::bigint + n)::text, 11, '0') as id) p
                    """)) {
                entitlements.setString(1, BENEFIT);
                entitlements.setString(2, lastMonth.toString());
                entitlements.setLong(3, AMOUNT_CENTS);
                entitlements.setObject(4, lastMonth);
                entitlements.setObject(5, lastMonth);
                entitlements.setInt(6, count);
                entitlements.setLong(7, firstPerson);
                entitlements.executeUpdate();
            }
            try (PreparedStatement payments = db.prepareStatement("""
                    insert into payment (payment_id, entitlement_id, benefit, recipient_id, period_start, period_end,
                                         top_up_version, entitlement_version, gross_cents, offset_cents, amount_cents,
                                         status, due_date, correlation_id)
                    select payment_uuid(), e.entitlement_id, e.benefit, e.recipient_id, ?, ?, 0, e.version,
                           ?, 0, ?, 'SCHEDULED', ?, e.correlation_id
                    from entitlement e
                    where e.recipient_id between ? and ? and e.benefit = ? and e.planned_through = ?
                    """)) {
                payments.setObject(1, lastMonth);
                payments.setObject(2, month.minusMonths(1).atEndOfMonth());
                payments.setLong(3, AMOUNT_CENTS);
                payments.setLong(4, AMOUNT_CENTS);
                payments.setObject(5, paymentDay);
                payments.setString(6, firstRecipient());
                payments.setString(7, lastRecipient());
                payments.setString(8, BENEFIT);
                payments.setObject(9, lastMonth);
                int written = payments.executeUpdate();
                if (written != count) {
                    throw new IllegalStateException("Seeded " + written + " payments for " + count + " entitlements: "
                            + "people " + firstRecipient() + " to " + lastRecipient() + " were there before");
                }
            }
            db.commit();
            db.setAutoCommit(true);
            try (Statement analyze = db.createStatement()) {
                analyze.execute("analyze person, payout_account, entitlement, payment");
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The mean size on disk of a seeded payment row: the row size the physical limit is measured with. */
    int meanPaymentBytes() throws SQLException {
        try (Connection db = stack.database(Service.PAYMENT);
                PreparedStatement mean = db.prepareStatement("""
                        select avg(pg_column_size(p.*))::int from payment p where p.recipient_id between ? and ?
                        """)) {
            mean.setString(1, firstRecipient());
            mean.setString(2, lastRecipient());
            try (ResultSet rs = mean.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String personId(long number) {
        return String.format("%011d", number);
    }
}
