package org.lifeevents.benchmarks.pipeline;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import org.lifeevents.common.identity.PersonId;

/**
 * Families for the registry, as NDJSON lines of {@code POST /backfill} (a registry migrating its recent history) or as
 * bodies of {@code POST /registrations/births}. Family {@code k} of a cohort is a couple in a household; it has one
 * child in 2025-2026, and one family in ten has two: twins in every other such family, else an older sibling born in
 * 2023. In one family in fifty the father dies after the births. Every person id is valid and belongs to one family of
 * one cohort only, so cohorts can be loaded one after another into the same register.
 */
final class Families {

    /** Ids are numbered per day of birth, a thousand a day; children's days must stay before the stack's today. */
    private static final int PER_DAY = 1000;
    private static final LocalDate PARENTS_FROM = LocalDate.of(1970, 1, 1);
    private static final LocalDate OLDER_SIBLINGS_FROM = LocalDate.of(2023, 1, 1);
    private static final LocalDate CHILDREN_FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate DEATHS_ON = LocalDate.of(2026, 11, 20);

    private final String run;
    private final long first;
    private final long count;

    /**
     * @param run distinguishes registration numbers and household ids of this JVM's run
     * @param first the number of the cohort's first family among every family of the run
     * @param count families in the cohort
     */
    Families(String run, long first, long count) {
        if ((first + count) / PER_DAY > 680) {
            throw new IllegalArgumentException("At most 680,000 families in one run: later children would be born after "
                    + "the stack's today");
        }
        this.run = run;
        this.first = first;
        this.count = count;
    }

    long count() {
        return count;
    }

    /** Children born, so CHILD_ALLOWANCE entitlements owed: one per family, two in one family in ten. */
    long children() {
        long children = 0;
        for (long k = first; k < first + count; k++) {
            children += hasSecondChild(k) ? 2 : 1;
        }
        return children;
    }

    long deaths() {
        long deaths = 0;
        for (long k = first; k < first + count; k++) {
            deaths += fatherDies(k) ? 1 : 0;
        }
        return deaths;
    }

    /**
     * The migration file, made while it is read: the population at go-live first (every household), then the births
     * in order of date (older siblings, then the recent children), then the deaths, as the registry's README asks.
     */
    InputStream backfillFile() {
        List<LongFunction<List<String>>> sections = List.of(k -> List.of(householdLine(k)),
                k -> isOlderSiblingFamily(k) ? List.of(birthLine(olderSibling(k), 1, 1, k, "S")) : List.of(),
                k -> recentBirthLines(k),
                k -> fatherDies(k) ? List.of(deathLine(k)) : List.of());
        return new LineStream(sections);
    }

    /** Only the households, for families whose births are then posted one at a time. */
    InputStream householdsFile() {
        return new LineStream(List.of(k -> List.of(householdLine(k))));
    }

    /** The body of {@code POST /registrations/births} for family k's recent (only) child. */
    String birthRequest(long k) {
        return birthJson(child(k), 1, 1, k, "L");
    }

    /** Family k's recent child: the one whose birth a live registration reports. */
    String child(long k) {
        return id(k % 2 == 0 ? "F" : "M", CHILDREN_FROM, k);
    }

    long firstFamily() {
        return first;
    }

    private List<String> recentBirthLines(long k) {
        if (isTwins(k)) {
            return List.of(birthLine(child(k), 2, 1, k, "A"), birthLine(twin(k), 2, 2, k, "B"));
        }
        return List.of(birthLine(child(k), 1, 1, k, "A"));
    }

    private static boolean hasSecondChild(long k) {
        return k % 10 == 0;
    }

    private static boolean isTwins(long k) {
        return k % 20 == 0;
    }

    private static boolean isOlderSiblingFamily(long k) {
        return hasSecondChild(k) && !isTwins(k);
    }

    private static boolean fatherDies(long k) {
        return k % 50 == 25;
    }

    static String mother(long k) {
        return id("F", PARENTS_FROM, k);
    }

    private static String father(long k) {
        return id("M", PARENTS_FROM, k);
    }

    /** The twin has the other sex digit and so its own id on the same day and serial. */
    private String twin(long k) {
        return id(k % 2 == 0 ? "M" : "F", CHILDREN_FROM, k);
    }

    private static String olderSibling(long k) {
        return id(k % 2 == 0 ? "M" : "F", OLDER_SIBLINGS_FROM, k);
    }

    private String householdId(long k) {
        return "PB-" + run + "-" + k;
    }

    private String householdLine(long k) {
        String mother = mother(k);
        String father = father(k);
        return "{\"type\": \"household\", \"householdId\": \"" + householdId(k) + "\", \"effectiveFrom\": \"2022-01-01\","
                + " \"address\": {\"street\": \"Pikk " + k + "\", \"postalCode\": \"10123\", \"municipality\": \"Tallinn\","
                + " \"countryCode\": \"EE\"}, \"members\": [" + member(mother, father) + ", " + member(father, mother) + "]}";
    }

    private static String member(String personId, String spouseId) {
        PersonId id = new PersonId(personId);
        return "{\"personId\": \"" + personId + "\", \"givenNames\": \"Nimi\", \"familyName\": \"Pere\", \"sex\": \""
                + id.sex() + "\", \"birthDate\": \"" + id.birthDate() + "\", \"spouseId\": \"" + spouseId + "\"}";
    }

    private String birthLine(String child, int childrenInBirth, int birthOrder, long k, String which) {
        return "{\"type\": \"birth\", " + birthJson(child, childrenInBirth, birthOrder, k, which).substring(1);
    }

    private String birthJson(String child, int childrenInBirth, int birthOrder, long k, String which) {
        PersonId id = new PersonId(child);
        return "{\"registrationNumber\": \"B-" + run + "-" + k + "-" + which + "\", \"childId\": \"" + child
                + "\", \"givenNames\": \"Laps\", \"familyName\": \"Pere\", \"sex\": \"" + id.sex() + "\", \"birthDate\": \""
                + id.birthDate() + "\", \"birthTime\": \"0" + birthOrder + ":00\", \"placeOfBirth\": \"Tallinn\","
                + " \"motherId\": \"" + mother(k) + "\", \"fatherId\": \"" + father(k) + "\", \"childrenInBirth\": "
                + childrenInBirth + ", \"birthOrder\": " + birthOrder + "}";
    }

    private String deathLine(long k) {
        return "{\"type\": \"death\", \"registrationNumber\": \"D-" + run + "-" + k + "\", \"personId\": \"" + father(k)
                + "\", \"dateOfDeath\": \"" + DEATHS_ON + "\", \"placeOfDeath\": \"Tallinn\"}";
    }

    /** The n-th id of a group: a thousand serials a day from the group's first day. */
    private static String id(String sex, LocalDate from, long n) {
        return PersonId.of(sex, from.plusDays(n / PER_DAY), (int) (n % PER_DAY)).value();
    }

    /** The sections' lines for every family in turn, section after section, produced as they are read. */
    private final class LineStream extends InputStream {

        private final List<LongFunction<List<String>>> sections;
        private final List<byte[]> pending = new ArrayList<>();
        private int section;
        private long family = first;
        private byte[] current = new byte[0];
        private int position;

        LineStream(List<LongFunction<List<String>>> sections) {
            this.sections = sections;
        }

        @Override
        public int read() {
            if (position == current.length && !nextLine()) {
                return -1;
            }
            return current[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == current.length && !nextLine()) {
                return -1;
            }
            int read = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, read);
            position += read;
            return read;
        }

        private boolean nextLine() {
            while (pending.isEmpty()) {
                if (section == sections.size()) {
                    return false;
                }
                for (String line : sections.get(section).apply(family)) {
                    pending.add((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
                if (++family == first + count) {
                    family = first;
                    section++;
                }
            }
            current = pending.remove(0);
            position = 0;
            return true;
        }
    }
}
