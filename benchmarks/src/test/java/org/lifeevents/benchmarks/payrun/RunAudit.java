package org.lifeevents.benchmarks.payrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lifeevents.benchmarks.stack.BenchmarkStack;
import org.lifeevents.localstack.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a run left behind, read where it is kept rather than from the service's own report: the payment database (each
 * payment of the run once, in one file of the run, settled, the files' counts and sums those of their payments) and
 * the bank simulator's journal (each file credited once, however often it was sent).
 */
final class RunAudit {

    /** The bank simulator's DEMO key for its journal. */
    private static final String BANK_KEY = "bank-demo-api-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param payments payments of the run
     * @param settled payments of the run SETTLED
     * @param outsideTheirFile payments of the run in no file, or in a file of another run
     * @param filesNotAddingUp files whose count or control sum is not that of the payments in them
     * @param seededSettledOnce the seed's payments for last month settled in this run
     * @param seededPaidTwice the seed's entitlements with more than one payment for last month
     * @param amountCents sum of the amounts of the run's payments
     * @param controlSumCents the run's control sum
     * @param files the run's files
     * @param bankMismatches files the bank credited with another count or sum than the file's, or does not know
     * @param resent files the bank received more than once (and credited once)
     * @param bankCreditedCents what the bank credited for the run's files
     */
    record Findings(long payments, long settled, long outsideTheirFile, long filesNotAddingUp, long seededSettledOnce,
            long seededPaidTwice, long amountCents, long controlSumCents, int files, List<String> bankMismatches,
            int resent, long bankCreditedCents) {
    }

    private final BenchmarkStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    RunAudit(BenchmarkStack stack) {
        this.stack = stack;
    }

    Findings audit(UUID runId, MonthSeed seed, LocalDate lastMonth) throws SQLException {
        try (Connection db = stack.database(Service.PAYMENT)) {
            long[] run = longs(db, """
                    select count(*), count(*) filter (where status = 'SETTLED'),
                           count(*) filter (where file_id is null or not exists
                               (select 1 from payment_file f where f.file_id = p.file_id and f.run_id = p.run_id)),
                           coalesce(sum(amount_cents), 0),
                           (select control_sum_cents from payment_run where run_id = ?)
                    from payment p where run_id = ?
                    """, runId, runId);
            long[] files = longs(db, """
                    select count(*) filter (where f.nb_of_txs <> s.payments or f.ctrl_sum_cents <> s.cents)
                    from payment_file f
                    cross join lateral (select count(*) as payments, coalesce(sum(p.amount_cents), 0) as cents
                                        from payment p where p.file_id = f.file_id) s
                    where f.run_id = ?
                    """, runId);
            long[] seeded = longs(db, """
                    select count(*) filter (where run_id = ? and status = 'SETTLED'),
                           count(*) - count(distinct entitlement_id)
                    from payment
                    where recipient_id between ? and ? and period_start = ? and benefit = ?
                    """, runId, seed.firstRecipient(), seed.lastRecipient(), lastMonth, MonthSeed.BENEFIT);
            Map<String, long[]> runFiles = new HashMap<>();
            try (PreparedStatement query = db.prepareStatement(
                    "select message_id, nb_of_txs, ctrl_sum_cents from payment_file where run_id = ?")) {
                query.setObject(1, runId);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        runFiles.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
                    }
                }
            }
            List<String> mismatches = new ArrayList<>();
            int resent = 0;
            long credited = 0;
            Map<String, JsonNode> bank = new HashMap<>();
            bankFiles().forEach(f -> bank.put(f.get("messageId").asText(), f));
            for (Map.Entry<String, long[]> file : runFiles.entrySet()) {
                JsonNode received = bank.get(file.getKey());
                if (received == null) {
                    mismatches.add(file.getKey() + " never reached the bank");
                    continue;
                }
                credited += received.get("creditedCents").asLong();
                if (received.get("deliveries").asInt() > 1) {
                    resent++;
                }
                if (received.get("credited").asLong() != file.getValue()[0]
                        || received.get("creditedCents").asLong() != file.getValue()[1]) {
                    mismatches.add(file.getKey() + ": the bank credited " + received.get("credited") + " transfers, "
                            + received.get("creditedCents") + " cents; the file has " + file.getValue()[0] + ", "
                            + file.getValue()[1]);
                }
            }
            return new Findings(run[0], run[1], run[2], files[0], seeded[0], seeded[1], run[3], run[4],
                    runFiles.size(), mismatches, resent, credited);
        }
    }

    private List<JsonNode> bankFiles() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.url(Service.BANK)
                    + "/files")).header("X-Api-Key", BANK_KEY).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The bank's GET /files answered " + response.statusCode());
            }
            List<JsonNode> files = new ArrayList<>();
            JSON.readTree(response.body()).forEach(files::add);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long[] longs(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                long[] values = new long[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getLong(i + 1);
                }
                return values;
            }
        }
    }
}
