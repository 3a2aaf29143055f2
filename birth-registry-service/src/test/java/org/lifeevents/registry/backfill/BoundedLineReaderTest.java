package org.lifeevents.registry.backfill;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedLineReaderTest {

    @Test
    void readsLinesWithAnyLineEndAndMarksTooLongOnesWithoutHoldingThem() throws IOException {
        String input = "one\r\ntwo\n" + "x".repeat(100) + "\n\nlast";
        List<BoundedLineReader.Line> lines = new ArrayList<>();
        try (BoundedLineReader reader = new BoundedLineReader(new StringReader(input), 10)) {
            BoundedLineReader.Line line;
            while ((line = reader.next()) != null) {
                lines.add(line);
            }
        }

        assertThat(lines).containsExactly(new BoundedLineReader.Line("one", false),
                new BoundedLineReader.Line("two", false), new BoundedLineReader.Line(null, true),
                new BoundedLineReader.Line("", false), new BoundedLineReader.Line("last", false));
    }

    @Test
    void aFileEndingWithALineBreakHasNoEmptyLastLine() throws IOException {
        try (BoundedLineReader reader = new BoundedLineReader(new StringReader("a\nb\n"), 10)) {
            assertThat(reader.next().text()).isEqualTo("a");
            assertThat(reader.next().text()).isEqualTo("b");
            assertThat(reader.next()).isNull();
        }
    }
}
