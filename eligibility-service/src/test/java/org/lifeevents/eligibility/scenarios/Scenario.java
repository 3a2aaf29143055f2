package org.lifeevents.eligibility.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario as a policy analyst writes it: a family ("Given ..."), then steps, each a dated event ("When on
 * 2026-03-02 ...", more events of that day with "And ...") followed by what the ruleset must then give ("Then ...",
 * "And ..."). Lines starting with {@code #} are notes; text after {@code --} on a line is a note too.
 */
record Scenario(String file, String title, List<Line> given, List<Step> steps) {

    /** One statement with its line number, for messages. */
    record Line(int number, String text) {
        @Override
        public String toString() {
            return "line " + number + ": " + text;
        }
    }

    /** The events of one day and what must hold after them. */
    record Step(LocalDate day, List<Line> events, List<Line> expectations) {
    }

    @Override
    public String toString() {
        return file + ": " + title;
    }

    static Scenario load(String resource) {
        try (InputStream in = Scenario.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No scenario " + resource);
            }
            return parse(resource.substring(resource.lastIndexOf('/') + 1),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Scenario parse(String file, String text) {
        String title = file;
        List<Line> given = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        List<Line> events = null;
        List<Line> expectations = null;
        LocalDate day = null;
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            int note = raw.indexOf(" -- ");
            String line = (note >= 0 ? raw.substring(0, note) : raw).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Line numbered = new Line(i + 1, line);
            if (line.startsWith("Scenario:")) {
                title = line.substring("Scenario:".length()).strip();
            } else if (line.startsWith("Given ")) {
                given.add(new Line(i + 1, line.substring(6)));
            } else if (line.startsWith("When on ")) {
                if (events != null) {
                    steps.add(new Step(day, events, expectations));
                }
                String rest = line.substring("When on ".length());
                day = LocalDate.parse(rest.substring(0, 10));
                events = new ArrayList<>(List.of(new Line(i + 1, rest.substring(10).strip())));
                expectations = new ArrayList<>();
            } else if (line.startsWith("Then ")) {
                if (expectations == null) {
                    throw new IllegalArgumentException(file + " " + numbered + ": Then before any When");
                }
                expectations.add(new Line(i + 1, line.substring(5)));
            } else if (line.startsWith("And ")) {
                Line and = new Line(i + 1, line.substring(4));
                if (events == null) {
                    given.add(and);
                } else if (expectations.isEmpty()) {
                    events.add(and);
                } else {
                    expectations.add(and);
                }
            } else {
                throw new IllegalArgumentException(file + " " + numbered
                        + ": a line starts with Scenario:, Given, When on, Then, And or #");
            }
        }
        if (events != null) {
            steps.add(new Step(day, events, expectations));
        }
        return new Scenario(file, title, given, steps);
    }
}
