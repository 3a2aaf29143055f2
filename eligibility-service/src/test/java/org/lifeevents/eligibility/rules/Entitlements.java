package org.lifeevents.eligibility.rules;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** Lookups over an evaluation's result, for rule tests. */
final class Entitlements {

    private final List<DesiredEntitlement> all;

    Entitlements(List<DesiredEntitlement> all) {
        this.all = all;
    }

    static Entitlements of(Family family) {
        return new Entitlements(family.evaluate());
    }

    Optional<DesiredEntitlement> find(String key) {
        return all.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    DesiredEntitlement get(String key) {
        return find(key).orElseThrow(() -> new AssertionError("no entitlement " + key + " in " + keys()));
    }

    List<String> keys() {
        return all.stream().map(DesiredEntitlement::key).toList();
    }

    List<DesiredEntitlement> of(Benefit benefit) {
        return all.stream().filter(e -> e.benefit() == benefit).toList();
    }

    /** The amount owed for the month, 0 when the month is not owed. */
    static long amountIn(DesiredEntitlement entitlement, YearMonth month) {
        return periodIn(entitlement, month).map(Period::amountCents).orElse(0L);
    }

    static String recipientIn(DesiredEntitlement entitlement, YearMonth month) {
        return periodIn(entitlement, month).map(Period::recipientId).orElse(null);
    }

    static Optional<Period> periodIn(DesiredEntitlement entitlement, YearMonth month) {
        return entitlement.periods().stream()
                .filter(p -> !month.atDay(1).isBefore(p.fromDate()) && !month.atEndOfMonth().isAfter(p.untilDate()))
                .findFirst();
    }

    static YearMonth firstMonth(DesiredEntitlement entitlement) {
        return YearMonth.from(entitlement.periods().get(0).fromDate());
    }

    static YearMonth lastMonth(DesiredEntitlement entitlement) {
        return YearMonth.from(entitlement.periods().get(entitlement.periods().size() - 1).untilDate());
    }
}
