package org.lifeevents.registry.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.common.problem.Problem;
import org.lifeevents.common.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Makes every write of the registry system idempotent on the registry's own number: the same number with the same body
 * gets the first answer and changes nothing; the same number with another body is a 409 naming the differences. The
 * write and its record are one transaction, and writes of one number are serialised by an advisory lock.
 */
@ApplicationScoped
public class IdempotentWrites {

    public static final String REGISTRATION = "REGISTRATION";
    public static final String CORRECTION = "CORRECTION";
    public static final String REVOCATION = "REVOCATION";
    public static final String POPULATION = "POPULATION";

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /** What a write is: its number's namespace and value, its kind, the registration it concerns, and its body. */
    public record Write(String scope, String number, String kind, String registrationNumber, Object request,
            String conflictCode) {
    }

    /**
     * Returns the earlier answer for a repeated request, or runs the write and records its answer.
     *
     * @param write the write's identity and body
     * @param answerType the type of the answer, to read an earlier one back
     * @param context who asks, and the correlation id
     * @param action the write itself; it runs only the first time
     */
    @Transactional(value = TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public <R> R once(Write write, Class<R> answerType, WriteContext context, Supplier<R> action) {
        lock(write.scope(), write.number());
        JsonNode body = json.valueToTree(write.request());
        Optional<R> earlier = earlierAnswer(write, body, answerType);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        R answer = action.get();
        RegistryWrite record = new RegistryWrite();
        record.scope = write.scope();
        record.writeNumber = write.number();
        record.kind = write.kind();
        record.registrationNumber = write.registrationNumber();
        record.requestJson = body.toString();
        record.responseJson = json.valueToTree(answer).toString();
        record.correlationId = context.correlationId();
        record.recordedBy = context.recordedBy();
        record.recordedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        record.persist();
        return answer;
    }

    /** The earlier answer to the same request, empty for a new number; throws 409 for a number reused differently. */
    @Transactional(value = TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public <R> Optional<R> earlierAnswer(Write write, JsonNode body, Class<R> answerType) {
        Optional<RegistryWrite> earlier = RegistryWrite.find(write.scope(), write.number());
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(answerTo(write, body, earlier.get().requestJson, earlier.get().responseJson, answerType));
    }

    /**
     * The answer to a repeat of an earlier write, given that write's stored request and answer (read one by one here, or
     * for a whole backfill chunk at once); throws 409 when the body differs.
     */
    public <R> R answerTo(Write write, JsonNode body, String earlierRequest, String earlierResponse,
            Class<R> answerType) {
        try {
            List<Problem.FieldError> differences = BodyDifferences.between(json.readTree(earlierRequest), body);
            if (!differences.isEmpty()) {
                throw new ProblemException(409, write.conflictCode(), "Conflict",
                        write.number() + " was used before with a different body; the first request stands.",
                        differences);
            }
            return json.readValue(earlierResponse, answerType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Serialises the writes about one person whatever their numbers: a second registration of the same death, birth or
     * custody under another number waits until the first commits, then sees it and is refused (409, naming it) instead
     * of both passing their checks at once. Call it before the write reads anything about the person.
     */
    @Transactional(TxType.MANDATORY)
    public void lockPerson(String personId) {
        if (personId != null) {
            lock("PERSON", personId);
        }
    }

    private void lock(String scope, String number) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, scope + ":" + number)
                .getSingleResult();
    }
}
