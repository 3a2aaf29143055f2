package org.lifeevents.common.time;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.lifeevents.common.problem.Problem;
import org.lifeevents.common.problem.ProblemException;

import io.quarkus.runtime.LaunchMode;

/**
 * Moves the service's one {@link BusinessClock}, forward only. Backward is refused because the engine takes time to
 * run one way: a payment run, a due date, an opened case, an outbox row and a processed message are stamped with the
 * day they happened, and a run is planned for the months that are due "by today"; going back would make what was done
 * lie in the future (a run on the 10th of a month that has not come, a case older than its cause) and the daily and
 * monthly runs would do again for a day what was already done.
 */
@ApplicationScoped
public class BusinessDates {

    private static final Logger LOG = Logger.getLogger(BusinessDates.class);

    static final String NOT_ALLOWED = "business_date_not_allowed";
    static final String BEFORE_CURRENT = "before_current_business_date";

    private final BusinessClock clock;
    private final boolean movable;

    @Inject
    public BusinessDates(BusinessClock clock, TimeConfig config) {
        this(clock, ClockProducer.businessDateAllowed(config, LaunchMode.current()));
    }

    BusinessDates(BusinessClock clock, boolean movable) {
        this.clock = clock;
        this.movable = movable;
    }

    /** The body of a move: the date to live on from now. */
    public record Move(@NotNull LocalDate date) {
    }

    /** The business date in force: the date, whether it differs from the real one, whether it can be moved. */
    public record View(LocalDate date, boolean shifted, boolean movable) {
    }

    public View current() {
        return new View(clock.today(), clock.shifted(), movable);
    }

    /**
     * Moves the clock to noon of {@code date}. The current date again is no move at all: resetting to noon would turn
     * the clock back by the hours it has run since.
     */
    public synchronized View moveTo(LocalDate date, String actor) {
        if (!movable) {
            throw ProblemException.forbidden(NOT_ALLOWED, "This service lives on the real date: a business date can be"
                    + " set only in test and dev mode or with lifeevents.time.allow-business-date=true.");
        }
        LocalDate from = clock.today();
        if (date.isBefore(from)) {
            throw new ProblemException(400, BEFORE_CURRENT, "Bad Request",
                    "The business date moves forward only; it is " + from + ".",
                    List.of(new Problem.FieldError("date", BEFORE_CURRENT, "must not be before " + from)));
        }
        if (date.isAfter(from)) {
            clock.moveTo(date);
            MDC.put("actor", actor);
            MDC.put("fromDate", from.toString());
            MDC.put("toDate", date.toString());
            try {
                LOG.warnf("Business date moved by %s from %s to %s", actor, from, date);
            } finally {
                MDC.remove("actor");
                MDC.remove("fromDate");
                MDC.remove("toDate");
            }
        }
        return current();
    }
}
