package org.lifeevents.registry.backfill;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()}, but never holds more than a maximum number of characters:
 * a longer line is consumed to its end and reported as too long, so one bad line cannot exhaust memory.
 */
final class BoundedLineReader implements AutoCloseable {

    /** A line of the file, or a marker that it was too long to read. */
    record Line(String text, boolean tooLong) {
    }

    private final Reader reader;
    private final int maxLength;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;

    BoundedLineReader(Reader reader, int maxLength) {
        this.reader = reader;
        this.maxLength = maxLength;
    }

    /** The next line without its line break, or null at the end of the input. */
    Line next() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? finish(line, tooLong) : null;
                }
            }
            any = true;
            char c = buffer[position++];
            if (c == '\n') {
                return finish(line, tooLong);
            }
            if (tooLong) {
                continue;
            }
            if (line.length() >= maxLength) {
                tooLong = true;
                line.setLength(0);
                continue;
            }
            line.append(c);
        }
    }

    private static Line finish(StringBuilder line, boolean tooLong) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return new Line(tooLong ? null : line.toString(), tooLong);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
