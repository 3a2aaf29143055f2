package org.lifeevents.common.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.lifeevents.common.problem.Problem;
import org.lifeevents.common.problem.ProblemException;

/**
 * The 11-digit personal identification code in the Estonian format: a century-and-sex digit, the date of birth as
 * YYMMDD, a three-digit serial and a check digit computed by the two-pass weighted mod-11 rule.
 */
public record PersonId(String value) {

    private static final int[] FIRST_WEIGHTS = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 1 };
    private static final int[] SECOND_WEIGHTS = { 3, 4, 5, 6, 7, 8, 9, 1, 2, 3 };

    public PersonId {
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    /**
     * The value, when it is a person id given in a path or query parameter; else a 400 problem naming the parameter.
     * A path is not a body, so Bean Validation would name no field; and a lookup with a near miss ("49008010156 ",
     * which a {@code char(11)} column compares equal) must not find anyone.
     */
    public static String requireValid(String parameter, String value) {
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw ProblemException.invalid(List.of(new Problem.FieldError(parameter, "invalid_person_id",
                    problem.get())));
        }
        return value;
    }

    /** Why the value is not a person id, or empty when it is one. */
    public static Optional<String> problem(String value) {
        if (value == null || !value.matches("\\d{11}")) {
            return Optional.of("must be 11 digits");
        }
        int centuryAndSex = value.charAt(0) - '0';
        if (centuryAndSex < 1 || centuryAndSex > 6) {
            return Optional.of("first digit must be 1 to 6 (century and sex)");
        }
        if (birthDateOf(value).isEmpty()) {
            return Optional.of("digits 2-7 must be a real date of birth");
        }
        if (checkDigit(value) != value.charAt(10) - '0') {
            return Optional.of("check digit does not match");
        }
        return Optional.empty();
    }

    public LocalDate birthDate() {
        return birthDateOf(value).orElseThrow();
    }

    /** F for an even first digit, M for an odd one. */
    public String sex() {
        return (value.charAt(0) - '0') % 2 == 0 ? "F" : "M";
    }

    /** Builds a valid id; for demo data and tests. */
    public static PersonId of(String sex, LocalDate birthDate, int serial) {
        int centuryAndSex = (birthDate.getYear() / 100 - 18) * 2 + (sex.equals("M") ? 1 : 2);
        String first10 = String.format("%d%02d%02d%02d%03d", centuryAndSex, birthDate.getYear() % 100,
                birthDate.getMonthValue(), birthDate.getDayOfMonth(), serial);
        return new PersonId(first10 + checkDigit(first10));
    }

    static int checkDigit(String digits) {
        int sum = weightedSum(digits, FIRST_WEIGHTS) % 11;
        if (sum < 10) {
            return sum;
        }
        sum = weightedSum(digits, SECOND_WEIGHTS) % 11;
        return sum < 10 ? sum : 0;
    }

    private static int weightedSum(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    private static Optional<LocalDate> birthDateOf(String value) {
        int centuryAndSex = value.charAt(0) - '0';
        int century = 1800 + (centuryAndSex - 1) / 2 * 100;
        try {
            return Optional.of(LocalDate.of(century + Integer.parseInt(value.substring(1, 3)),
                    Integer.parseInt(value.substring(3, 5)), Integer.parseInt(value.substring(5, 7))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
