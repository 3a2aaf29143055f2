package org.lifeevents.registry.backfill;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.lifeevents.common.problem.Problem;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.events.Events;
import org.lifeevents.registry.household.HouseholdRequest;
import org.lifeevents.registry.registration.BirthBatch;
import org.lifeevents.registry.registration.BirthRegistrationRequest;
import org.lifeevents.registry.registration.DeathBatch;
import org.lifeevents.registry.registration.DeathRegistrationRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Applies one chunk of backfill lines in one transaction, together with the job's progress and the chunk's line errors:
 * a job that stops resumes after the last committed chunk. Runs of household lines go through the household bulk
 * loader, runs of births through {@link BirthBatch} and runs of deaths through {@link DeathBatch} (set-based, with the
 * API's rules and events); a repeated line is recognised by its registration number and skipped.
 */
@ApplicationScoped
public class ChunkProcessor {

    static final String HOUSEHOLD = "household";
    static final String BIRTH = "birth";
    static final String DEATH = "death";

    @Inject
    ObjectMapper json;

    @Inject
    HouseholdBulkLoader householdLoader;

    @Inject
    BirthBatch birthBatch;

    @Inject
    DeathBatch deathBatch;

    @Inject
    BackfillJobs jobs;

    @Inject
    EntityManager entityManager;

    /** One line of the file: its number (1-based) and text, or null when it was too long to read. */
    record RawLine(long number, String text) {
    }

    /** A line's refusal. */
    record LineError(long line, String field, String code, String message) {
    }

    /** The counts of one chunk. */
    record Tally(long read, long accepted, long skipped, long refused) {
    }

    // A chunk is set-based, but a birth whose child or parent the register must record first still goes through the
    // API's service; on a loaded machine a chunk can outlast the default 60 s transaction timeout, and a reaped chunk
    // would fail the whole job.
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "lifeevents.registry.backfill.chunk-timeout-seconds")
    public Tally process(UUID jobId, String recordedBy, List<RawLine> lines) {
        Runs runs = new Runs(recordedBy);
        long skippedBlank = 0;
        for (RawLine raw : lines) {
            if (raw.text() != null && raw.text().isBlank()) {
                skippedBlank++;
                continue;
            }
            Object parsed = parse(raw, runs.errors);
            if (parsed instanceof HouseholdBulkLoader.Line household) {
                runs.flushBirths();
                runs.flushDeaths();
                runs.households.add(household);
            } else if (parsed instanceof BirthRegistrationRequest birth) {
                runs.flushHouseholds();
                runs.flushDeaths();
                runs.births.add(new BirthBatch.Line(raw.number(), birth, Events.newCorrelationId()));
            } else if (parsed instanceof DeathRegistrationRequest death) {
                runs.flushHouseholds();
                runs.flushBirths();
                runs.deaths.add(new DeathBatch.Line(raw.number(), death, Events.newCorrelationId()));
            }
        }
        runs.flushHouseholds();
        runs.flushBirths();
        runs.flushDeaths();
        long refused = runs.errors.stream().map(LineError::line).distinct().count();
        long skipped = runs.skipped + skippedBlank;
        writeErrors(jobId, runs.errors);
        jobs.progress(jobId, lines.size(), runs.accepted, skipped, refused);
        return new Tally(lines.size(), runs.accepted, skipped, refused);
    }

    /**
     * The chunk's pending run of lines of one kind (the others are empty): a line of another kind applies the run first,
     * so every line sees the lines before it, as in the file.
     */
    private final class Runs {

        final String recordedBy;
        final List<LineError> errors = new ArrayList<>();
        final List<HouseholdBulkLoader.Line> households = new ArrayList<>();
        final List<BirthBatch.Line> births = new ArrayList<>();
        final List<DeathBatch.Line> deaths = new ArrayList<>();
        long accepted;
        long skipped;

        Runs(String recordedBy) {
            this.recordedBy = recordedBy;
        }

        void flushHouseholds() {
            if (households.isEmpty()) {
                return;
            }
            HouseholdBulkLoader.Result result = householdLoader.load(households);
            result.refused().forEach((line, fieldErrors) -> fieldErrors
                    .forEach(e -> errors.add(new LineError(line, e.field(), e.code(), e.message()))));
            count(households.size(), result.skipped().size(), result.refused().size());
            households.clear();
        }

        void flushBirths() {
            if (births.isEmpty()) {
                return;
            }
            BirthBatch.Result result = birthBatch.register(births, recordedBy);
            result.refused().forEach((line, problem) -> refuse(errors, line, problem));
            count(births.size(), result.skipped().size(), result.refused().size());
            births.clear();
        }

        void flushDeaths() {
            if (deaths.isEmpty()) {
                return;
            }
            DeathBatch.Result result = deathBatch.register(deaths, recordedBy);
            result.refused().forEach((line, problem) -> refuse(errors, line, problem));
            count(deaths.size(), result.skipped().size(), result.refused().size());
            deaths.clear();
        }

        private void count(int lines, int skippedLines, int refusedLines) {
            skipped += skippedLines;
            accepted += lines - skippedLines - refusedLines;
        }
    }

    /** The line as a household line, a birth or a death request; null (with an error) when it is none of them. */
    private Object parse(RawLine raw, List<LineError> errors) {
        if (raw.text() == null) {
            errors.add(new LineError(raw.number(), null, "line_too_long", "the line is longer than allowed"));
            return null;
        }
        JsonNode node;
        try {
            node = json.readTree(raw.text());
        } catch (JsonProcessingException e) {
            errors.add(new LineError(raw.number(), null, "malformed_json", "the line is not a JSON object"));
            return null;
        }
        if (!(node instanceof ObjectNode object)) {
            errors.add(new LineError(raw.number(), null, "malformed_json", "the line is not a JSON object"));
            return null;
        }
        JsonNode type = object.remove("type");
        String kind = type == null || !type.isTextual() ? "" : type.asText().toLowerCase(Locale.ROOT);
        try {
            return switch (kind) {
                case HOUSEHOLD -> {
                    JsonNode id = object.remove("householdId");
                    if (!object.has("reason")) {
                        object.put("reason", "INITIAL_LOAD");
                    }
                    yield new HouseholdBulkLoader.Line(raw.number(), id == null || id.isNull() ? null : id.asText(),
                            json.treeToValue(object, HouseholdRequest.class), Events.newCorrelationId());
                }
                case BIRTH -> json.treeToValue(object, BirthRegistrationRequest.class);
                case DEATH -> json.treeToValue(object, DeathRegistrationRequest.class);
                default -> {
                    errors.add(new LineError(raw.number(), "type", "unknown_type",
                            "must be household, birth or death"));
                    yield null;
                }
            };
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
            errors.add(new LineError(raw.number(), field,
                    e instanceof UnrecognizedPropertyException ? "unknown_field" : "wrong_type",
                    e instanceof UnrecognizedPropertyException ? "is not a known field" : "has the wrong form"));
            return null;
        } catch (IOException e) {
            errors.add(new LineError(raw.number(), null, "malformed_json", "the line is not a JSON object"));
            return null;
        }
    }

    private static void refuse(List<LineError> errors, long line, ProblemException e) {
        if (e.errors().isEmpty()) {
            errors.add(new LineError(line, null, e.code(), e.getMessage()));
            return;
        }
        for (Problem.FieldError error : e.errors()) {
            errors.add(new LineError(line, error.field(), error.code(), error.message()));
        }
    }

    private void writeErrors(UUID jobId, List<LineError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "insert into backfill_error (job_id, line_number, field, code, message) values (?, ?, ?, ?, ?)")) {
                for (LineError error : errors) {
                    statement.setObject(1, jobId);
                    statement.setLong(2, error.line());
                    statement.setString(3, error.field());
                    statement.setString(4, error.code());
                    statement.setString(5, error.message());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }
}
