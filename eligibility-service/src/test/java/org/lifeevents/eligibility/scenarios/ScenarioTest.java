package org.lifeevents.eligibility.scenarios;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lifeevents.common.money.Cents;
import org.lifeevents.eligibility.rules.Benefit;
import org.lifeevents.eligibility.rules.DesiredEntitlement;
import org.lifeevents.eligibility.rules.Period;
import org.lifeevents.eligibility.rules.Status;
import org.lifeevents.eligibility.scenarios.Scenario.Line;
import org.lifeevents.eligibility.scenarios.Scenario.Step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs every scenario in {@code src/test/resources/scenarios} through the pure {@code HouseholdEvaluator}: after each
 * step the entitlements must be those the scenario states (benefit, beneficiary, recipient, amount, months, status),
 * and where it states the difference in money already paid (a top-up or a recovery), exactly that difference. The
 * expected figures were worked out by hand from the domain brief.
 */
class ScenarioTest {

    private static final String MONEY = "(\\d+\\.\\d{2}) EUR";
    private static final String NAME = "([A-Z][\\p{L}-]*)";
    private static final String NAMES = "([A-Z][\\p{L}-]*(?:(?:, | and )[A-Z][\\p{L}-]*)*)";
    private static final String DAY = "(\\d{4}-\\d{2}-\\d{2})";
    private static final String MONTH = "(\\d{4}-\\d{2})";

    private static final Pattern HOUSEHOLD = Pattern.compile("household " + "(\\S+)");
    private static final Pattern PERSON = Pattern.compile(NAME + ", an? (woman|man|girl|boy) born " + DAY
            + "(?:, spouse of " + NAME + ")?(?:, child of " + NAMES + ")?(?:, in the care of guardian " + NAME + ")?");
    private static final Pattern SINCE = Pattern.compile("since " + DAY + " the household is " + NAMES);
    private static final Pattern INCOME = Pattern.compile(NAME + "'s (\\d{4}) income is assessed at " + MONEY);
    private static final Pattern CONSENT = Pattern.compile(NAME
            + " consents to the use of (?:her|his) tax income for family benefits");
    private static final Pattern REVOKE_CONSENT = Pattern.compile(NAME + " revokes (?:her|his) consent");
    private static final Pattern BORN = Pattern.compile("(?:twins |triplets |quadruplets )?" + NAMES
            + " (?:is|are) born to " + NAMES);
    private static final Pattern DIES = Pattern.compile(NAME + " dies");
    private static final Pattern LATE_DEATH = Pattern.compile("the death of " + NAME + " on " + DAY + " is registered");
    private static final Pattern CORRECTION = Pattern.compile("the birth of " + NAME
            + " is corrected to name " + NAME + " as father \\((formal|typographical) correction\\)");
    private static final Pattern REVOKED = Pattern.compile("the birth of " + NAME + " is revoked \\(registered in error\\)");
    private static final Pattern MOVES = Pattern.compile(NAME + " moves (in|out)");
    private static final Pattern DECIDED = Pattern.compile("the household is decided");
    private static final Pattern CONFIRMS = Pattern.compile(NAME + " confirms (?:the )?([A-Z_]+) for " + NAME);

    private static final Pattern NOTHING_ELSE = Pattern.compile("nothing else");
    private static final Pattern NO_BENEFIT = Pattern.compile("no ([A-Z_]+) for (the household|" + NAME + ")");
    private static final Pattern ENTITLEMENT = Pattern.compile("([A-Z_]+) for (the household|" + NAME + "): (.+)");
    private static final Pattern PENDING = Pattern.compile("pending, missing ([A-Z_]+(?:, [A-Z_]+)*)");
    private static final Pattern ONE_OFF = Pattern.compile(MONEY + " on " + DAY + " to " + NAME);
    private static final Pattern MONTHLY = Pattern.compile(MONEY + " a month (?:in " + MONTH + "|" + MONTH + "\\.\\."
            + MONTH + ") to " + NAME);
    private static final Pattern DIFFERENCE = Pattern.compile("the difference: (.+)");
    private static final Pattern NO_DIFFERENCE = Pattern.compile("no money already paid changes");

    static Stream<Scenario> scenarios() throws IOException, URISyntaxException {
        Path dir = Path.of(ScenarioTest.class.getClassLoader().getResource("scenarios").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Scenario> all = files.filter(f -> f.toString().endsWith(".txt")).sorted()
                    .map(f -> Scenario.load("scenarios/" + f.getFileName())).toList();
            assertThat(all).as("scenario files").isNotEmpty();
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario scenario) {
        World world = new World();
        for (Line line : scenario.given()) {
            given(world, line);
        }
        assertThat(scenario.steps()).as(scenario + " has steps").isNotEmpty();
        List<DesiredEntitlement> before = List.of();
        for (Step step : scenario.steps()) {
            for (Line event : step.events()) {
                event(world, step.day(), event);
            }
            List<DesiredEntitlement> after = world.evaluate(step.day());
            check(scenario, world, step, before, after);
            before = after;
        }
    }

    private static void given(World world, Line line) {
        String text = line.text();
        Matcher m;
        if ((m = HOUSEHOLD.matcher(text)).matches()) {
            world.household(m.group(1));
        } else if ((m = PERSON.matcher(text)).matches()) {
            String sex = switch (m.group(2)) {
                case "woman", "girl" -> "F";
                default -> "M";
            };
            world.add(m.group(1), sex, LocalDate.parse(m.group(3)));
            if (m.group(4) != null) {
                world.spouses(m.group(1), m.group(4));
            }
            if (m.group(5) != null) {
                world.childOf(m.group(1), names(m.group(5)));
            }
            if (m.group(6) != null) {
                world.guardian(m.group(1), m.group(6));
            }
        } else if ((m = SINCE.matcher(text)).matches()) {
            names(m.group(2)).forEach(world::moveIn);
            world.publishHousehold(LocalDate.parse(m.group(1)), "INITIAL_LOAD");
        } else if ((m = INCOME.matcher(text)).matches()) {
            world.assess(m.group(1), Integer.parseInt(m.group(2)), Cents.parseEuros(m.group(3)));
        } else if ((m = CONSENT.matcher(text)).matches()) {
            world.consent(m.group(1), LocalDate.of(2025, 1, 1));
        } else {
            fail("I do not understand the family statement at " + line);
        }
    }

    private static void event(World world, LocalDate day, Line line) {
        String text = line.text();
        Matcher m;
        if (DECIDED.matcher(text).matches()) {
            return;
        } else if ((m = BORN.matcher(text)).matches()) {
            world.birth(day, names(m.group(1)), names(m.group(2)));
        } else if ((m = DIES.matcher(text)).matches()) {
            world.death(m.group(1), day, day);
        } else if ((m = LATE_DEATH.matcher(text)).matches()) {
            world.death(m.group(1), LocalDate.parse(m.group(2)), day);
        } else if ((m = CORRECTION.matcher(text)).matches()) {
            LocalDate effective = m.group(3).equals("formal") ? day : world.person(m.group(1)).birthDate();
            world.correctBirthFather(m.group(1), m.group(2), effective);
        } else if ((m = REVOKED.matcher(text)).matches()) {
            world.revokeBirth(m.group(1));
            world.publishHousehold(day, "CORRECTION");
        } else if ((m = MOVES.matcher(text)).matches()) {
            if (m.group(2).equals("in")) {
                world.moveIn(m.group(1));
            } else {
                world.moveOut(m.group(1));
            }
            world.publishHousehold(day, "MOVE");
        } else if ((m = INCOME.matcher(text)).matches()) {
            world.assess(m.group(1), Integer.parseInt(m.group(2)), Cents.parseEuros(m.group(3)));
        } else if ((m = CONSENT.matcher(text)).matches()) {
            world.consent(m.group(1), day);
        } else if ((m = REVOKE_CONSENT.matcher(text)).matches()) {
            world.revokeConsent(m.group(1), day);
        } else if ((m = CONFIRMS.matcher(text)).matches()) {
            Benefit benefit = Benefit.valueOf(m.group(2));
            // what the household is offered at that moment, earlier events of the day included
            DesiredEntitlement offer = find(world, world.evaluate(day), benefit, m.group(3))
                    .orElseThrow(() -> new AssertionError("Nothing to confirm at " + line));
            world.confirm(offer.key(), m.group(1), day);
        } else {
            fail("I do not understand the event at " + line);
        }
    }

    private static void check(Scenario scenario, World world, Step step, List<DesiredEntitlement> before,
            List<DesiredEntitlement> after) {
        Set<String> mentioned = new LinkedHashSet<>();
        boolean exhaustive = false;
        List<String> expectedDifferences = null;
        List<String> failures = new ArrayList<>();
        for (Line line : step.expectations()) {
            String text = line.text();
            Matcher m;
            if (NOTHING_ELSE.matcher(text).matches()) {
                exhaustive = true;
            } else if ((m = NO_BENEFIT.matcher(text)).matches()) {
                find(world, after, Benefit.valueOf(m.group(1)), m.group(2))
                        .ifPresent(e -> failures.add(line + "\n    but the rules give " + describe(world, e)));
            } else if ((m = DIFFERENCE.matcher(text)).matches()) {
                expectedDifferences = expectedDifferences == null ? new ArrayList<>() : expectedDifferences;
                expectedDifferences.add(m.group(1));
            } else if (NO_DIFFERENCE.matcher(text).matches()) {
                expectedDifferences = expectedDifferences == null ? new ArrayList<>() : expectedDifferences;
            } else if ((m = ENTITLEMENT.matcher(text)).matches()) {
                Benefit benefit = Benefit.valueOf(m.group(1));
                Optional<DesiredEntitlement> found = find(world, after, benefit, m.group(2));
                if (found.isEmpty()) {
                    failures.add(line + "\n    but the rules give no " + benefit + " for " + m.group(2));
                    continue;
                }
                mentioned.add(found.get().key());
                String problem = compare(world, found.get(), m.group(4), line);
                if (problem != null) {
                    failures.add(line + "\n    but the rules give " + describe(world, found.get()) + " (" + problem + ")");
                }
            } else {
                fail(scenario + ": I do not understand the expectation at " + line);
            }
        }
        if (exhaustive) {
            for (DesiredEntitlement e : after) {
                if (!mentioned.contains(e.key())) {
                    failures.add("nothing else expected on " + step.day() + ", but the rules also give "
                            + describe(world, e));
                }
            }
        }
        if (expectedDifferences != null) {
            Set<String> actual = new TreeSet<>(differences(world, step.day(), before, after));
            Set<String> expected = new TreeSet<>(expectedDifferences);
            if (!actual.equals(expected)) {
                failures.add("the difference in money already paid on " + step.day() + ":\n    expected " + expected
                        + "\n    but the rules give " + actual);
            }
        }
        if (!failures.isEmpty()) {
            fail(scenario + ", after the events of " + step.day() + " (" + step.events() + "):\n  "
                    + String.join("\n  ", failures) + "\n  all: "
                    + after.stream().map(e -> describe(world, e)).collect(Collectors.joining("\n       ")));
        }
    }

    /** Null when the entitlement is as described, else what differs. */
    private static String compare(World world, DesiredEntitlement actual, String body, Line line) {
        Matcher m;
        if ((m = PENDING.matcher(body)).matches()) {
            if (actual.status() != Status.PENDING) {
                return "status " + actual.status();
            }
            List<String> codes = Arrays.asList(m.group(1).split(", "));
            return new TreeSet<>(codes).equals(new TreeSet<>(actual.missingCodes())) ? null
                    : "missing " + actual.missingCodes();
        }
        if (body.equals("refused")) {
            return actual.status() == Status.REFUSED ? null : "status " + actual.status();
        }
        Status status = Status.GRANTED;
        String periods = body;
        if (body.endsWith(", offered") || body.endsWith(", granted")) {
            status = Status.valueOf(body.substring(body.lastIndexOf(' ') + 1).toUpperCase());
            periods = body.substring(0, body.lastIndexOf(','));
        }
        List<Period> expected = new ArrayList<>();
        for (String part : periods.split("; ")) {
            Matcher p;
            if ((p = ONE_OFF.matcher(part)).matches()) {
                LocalDate day = LocalDate.parse(p.group(2));
                expected.add(new Period(day, day, Cents.parseEuros(p.group(1)), world.id(p.group(3)), null));
            } else if ((p = MONTHLY.matcher(part)).matches()) {
                YearMonth from = YearMonth.parse(p.group(2) != null ? p.group(2) : p.group(3));
                YearMonth until = YearMonth.parse(p.group(2) != null ? p.group(2) : p.group(4));
                expected.add(new Period(from.atDay(1), until.atEndOfMonth(), Cents.parseEuros(p.group(1)),
                        world.id(p.group(5)), null));
            } else {
                fail("I do not understand the amounts \"" + part + "\" at " + line);
            }
        }
        List<Period> given = actual.periods().stream()
                .map(p -> new Period(p.fromDate(), p.untilDate(), p.amountCents(), p.recipientId(), null)).toList();
        if (actual.status() != status) {
            return "status " + actual.status();
        }
        return given.equals(expected) ? null : "other periods";
    }

    /**
     * For each entitlement that was granted before the step, the change in money for months already paid by the step's
     * day (a month is paid on the 10th of the next; a granted one-off is paid), per recipient: a top-up or a recovery.
     */
    static List<String> differences(World world, LocalDate day, List<DesiredEntitlement> before,
            List<DesiredEntitlement> after) {
        Map<String, Map<YearMonth, Long>> delta = new LinkedHashMap<>();
        for (DesiredEntitlement old : before) {
            if (old.status() != Status.GRANTED) {
                continue;
            }
            Optional<DesiredEntitlement> now = after.stream().filter(e -> e.key().equals(old.key())
                    && e.status() == Status.GRANTED).findFirst();
            List<Period> newPeriods = now.map(DesiredEntitlement::periods).orElse(List.of());
            String what = old.benefit() + " for " + subject(world, old);
            if (!old.benefit().monthly()) {
                old.periods().forEach(p -> add(delta, p.recipientId(), what, YearMonth.from(p.fromDate()), -p.amountCents()));
                newPeriods.forEach(p -> add(delta, p.recipientId(), what, YearMonth.from(p.fromDate()), p.amountCents()));
                continue;
            }
            for (YearMonth month = YearMonth.from(old.spanFrom()); !month.plusMonths(1).atDay(10).isAfter(day); month = month
                    .plusMonths(1)) {
                YearMonth m = month;
                periodsIn(old.periods(), month).forEach(p -> add(delta, p.recipientId(), what, m, -p.amountCents()));
                periodsIn(newPeriods, month).forEach(p -> add(delta, p.recipientId(), what, m, p.amountCents()));
            }
        }
        List<String> lines = new ArrayList<>();
        delta.forEach((k, perMonth) -> {
            long cents = perMonth.values().stream().mapToLong(Long::longValue).sum();
            TreeSet<YearMonth> changed = perMonth.entrySet().stream().filter(e -> e.getValue() != 0)
                    .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
            if (changed.isEmpty()) {
                return;
            }
            String[] parts = k.split("\\|");
            String range = changed.first().equals(changed.last()) ? changed.first().toString()
                    : changed.first() + ".." + changed.last();
            String who = world.nameOf(parts[0]).orElse(parts[0]);
            String amount = Cents.format(Math.abs(cents));
            lines.add((cents < 0 ? "recovery of " + amount + " from " + who
                    : cents > 0 ? "top-up of " + amount + " to " + who : "no net change for " + who) + " (" + parts[1]
                    + ", " + range + ")");
        });
        return lines;
    }

    private static void add(Map<String, Map<YearMonth, Long>> delta, String recipient, String what, YearMonth month,
            long cents) {
        delta.computeIfAbsent(recipient + "|" + what, k -> new LinkedHashMap<>()).merge(month, cents, Long::sum);
    }

    private static List<Period> periodsIn(List<Period> periods, YearMonth month) {
        return periods.stream().filter(p -> !month.atDay(1).isBefore(p.fromDate()) && !month.atEndOfMonth()
                .isAfter(p.untilDate())).toList();
    }

    /** The entitlement of the benefit for the person (the child, the deceased; the parent for a parental benefit). */
    static Optional<DesiredEntitlement> find(World world, List<DesiredEntitlement> all, Benefit benefit, String forWhom) {
        return all.stream().filter(e -> e.benefit() == benefit && Objects.equals(subject(world, e), forWhom)).findFirst();
    }

    static String subject(World world, DesiredEntitlement e) {
        return switch (e.benefit()) {
            case LARGE_FAMILY_ALLOWANCE -> "the household";
            case PARENTAL_BENEFIT -> world.nameOf(e.key().split(":")[1]).orElse(e.key());
            default -> world.nameOf(e.beneficiaryId()).orElse(e.beneficiaryId());
        };
    }

    static String describe(World world, DesiredEntitlement e) {
        String periods = e.periods().stream()
                .map(p -> Cents.format(p.amountCents()) + " "
                        + (e.benefit().monthly() ? "a month " + range(p) : "on " + p.fromDate()) + " to "
                        + world.nameOf(p.recipientId()).orElse(p.recipientId()))
                .collect(Collectors.joining("; "));
        return e.benefit() + " for " + subject(world, e) + ": "
                + (e.status() == Status.PENDING ? "pending, missing " + String.join(", ", e.missingCodes())
                        : e.status() == Status.REFUSED ? "refused" : periods + ", " + e.status().name().toLowerCase());
    }

    private static String range(Period p) {
        YearMonth from = YearMonth.from(p.fromDate());
        YearMonth until = YearMonth.from(p.untilDate());
        return from.equals(until) ? "in " + from : from + ".." + until;
    }

    static List<String> names(String list) {
        return Arrays.stream(list.split(", | and ")).map(String::strip).toList();
    }
}
