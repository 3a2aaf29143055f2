package org.lifeevents.common.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The engine's clock: what "today" and "now" mean to every rule, run and record. In production it is the system clock in
 * the agency's time zone. Outside production a business date can be set (a test that means a date, or the local stack
 * told to live on another day): the clock then starts at noon of that date and ticks on in real time, so timestamps
 * still order and a test run never crosses midnight. A test can move it to another date to walk a family through months.
 */
public final class BusinessClock extends Clock {

    /** Noon: a business date set for a test stays that date for twelve hours of running. */
    static final LocalTime START_OF_BUSINESS_DATE = LocalTime.NOON;

    private final Clock system;
    private volatile Duration offset;

    private BusinessClock(Clock system, Duration offset) {
        this.system = system;
        this.offset = offset;
    }

    /** The real time in the zone. */
    public static BusinessClock system(ZoneId zone) {
        return new BusinessClock(Clock.system(zone), Duration.ZERO);
    }

    /** A clock that reads noon of {@code date} now and then ticks in real time. */
    public static BusinessClock startingOn(LocalDate date, ZoneId zone) {
        BusinessClock clock = system(zone);
        clock.moveTo(date);
        return clock;
    }

    /** Moves the clock to noon of {@code date}; it keeps ticking from there. Only for tests and non-production stacks. */
    public void moveTo(LocalDate date) {
        Objects.requireNonNull(date, "date");
        Instant target = date.atTime(START_OF_BUSINESS_DATE).atZone(system.getZone()).toInstant();
        offset = Duration.between(system.instant(), target);
    }

    /**
     * How far the clock is from the real time: with {@link #restore(Duration)}, a test that moved the clock of a shared
     * application leaves it as it found it (the endpoint only moves forward; the tests after it mean their own date).
     */
    public Duration offset() {
        return offset;
    }

    /** Puts the clock back at an offset {@link #offset()} returned. Only for tests. */
    public void restore(Duration offset) {
        this.offset = Objects.requireNonNull(offset, "offset");
    }

    /** Whether a business date other than the real one is in force. */
    public boolean shifted() {
        return !offset.isZero();
    }

    public LocalDate today() {
        return LocalDate.now(this);
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new BusinessClock(system.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public String toString() {
        return "BusinessClock[" + getZone() + (shifted() ? ", business date " + today() : "") + "]";
    }
}
