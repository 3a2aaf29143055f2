package org.lifeevents.common.time;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lifeevents.common.problem.ProblemException;

import io.quarkus.runtime.LaunchMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Who may move the business date, and where to: forward only, and never in a production service that was not told it
 * lives on a demo stack. What the endpoint answers on the wire is tested with real tokens in the registry
 * ({@code BusinessDateEndpointTest}).
 */
class BusinessDatesTest {

    private static final ZoneId TALLINN = ZoneId.of("Europe/Tallinn");
    private static final LocalDate DAY = LocalDate.of(2027, 1, 10);

    @ParameterizedTest(name = "{0}, allow-business-date={1}: {2}")
    @CsvSource({ "NORMAL, false, false", "NORMAL, true, true", "DEVELOPMENT, false, true", "TEST, false, true" })
    void aBusinessDateIsAllowedOutsideProductionOrWhenADemoStackSaysSo(LaunchMode mode, boolean allow, boolean allowed) {
        assertThat(ClockProducer.businessDateAllowed(config(allow), mode)).isEqualTo(allowed);
    }

    @Test
    void aMoveForwardStartsTheNewDayAtNoon() {
        BusinessClock clock = BusinessClock.startingOn(DAY, TALLINN);
        BusinessDates dates = new BusinessDates(clock, true);

        BusinessDates.View view = dates.moveTo(LocalDate.of(2027, 2, 10), "olga");

        assertThat(view).isEqualTo(new BusinessDates.View(LocalDate.of(2027, 2, 10), true, true));
        assertThat(clock.instant()).isAfterOrEqualTo(LocalDate.of(2027, 2, 10).atTime(12, 0).atZone(TALLINN).toInstant());
    }

    @Test
    void theSameDateAgainDoesNotTurnTheClockBack() throws InterruptedException {
        BusinessClock clock = BusinessClock.startingOn(DAY, TALLINN);
        BusinessDates dates = new BusinessDates(clock, true);
        java.time.Instant before = clock.instant();
        Thread.sleep(5);

        dates.moveTo(DAY, "olga");

        assertThat(clock.instant()).isAfter(before);
        assertThat(clock.today()).isEqualTo(DAY);
    }

    @Test
    void anEarlierDateIsABadRequestAndChangesNothing() {
        BusinessClock clock = BusinessClock.startingOn(DAY, TALLINN);
        BusinessDates dates = new BusinessDates(clock, true);

        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> dates.moveTo(DAY.minusDays(1), "olga"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("before_current_business_date");
        assertThat(refused.errors()).extracting(e -> e.field()).containsExactly("date");
        assertThat(clock.today()).isEqualTo(DAY);
    }

    @Test
    void aProductionServiceRefusesAnyMoveAndStaysOnTheRealDate() {
        BusinessClock clock = BusinessClock.system(TALLINN);
        BusinessDates dates = new BusinessDates(clock, false);

        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> dates.moveTo(LocalDate.now(clock).plusMonths(1), "olga"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("business_date_not_allowed");
        assertThat(clock.shifted()).isFalse();
        assertThat(dates.current().movable()).isFalse();
    }

    private static TimeConfig config(boolean allow) {
        return new TimeConfig() {
            @Override
            public ZoneId zone() {
                return TALLINN;
            }

            @Override
            public Optional<LocalDate> businessDate() {
                return Optional.empty();
            }

            @Override
            public boolean allowBusinessDate() {
                return allow;
            }
        };
    }
}
