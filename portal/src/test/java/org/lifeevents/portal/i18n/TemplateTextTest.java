package org.lifeevents.portal.i18n;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No template holds words of its own: every text a person reads (element text and the attributes read aloud) comes
 * from the message bundle, so switching the language leaves nothing behind.
 */
class TemplateTextTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern READ_ATTRIBUTE = Pattern.compile("(aria-label|title|alt|placeholder)=\"([^\"]*)\"");

    @Test
    void templatesContainNoHardCodedText() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(templates).hasSizeGreaterThan(10);
        for (Path template : templates) {
            String source = Files.readString(template);
            Matcher attributes = READ_ATTRIBUTE.matcher(source);
            while (attributes.find()) {
                assertThat(withoutExpressions(attributes.group(2)).isBlank())
                        .as(template + ": attribute " + attributes.group(0)).isTrue();
            }
            String text = withoutExpressions(source.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<[^>]*>", " "));
            // What remains between tags and expressions may only be punctuation and separators.
            assertThat(text.replaceAll("[\\s\\p{Punct}·—–]", "")).as(template + " has text of its own").isEmpty();
        }
    }

    /** Removes Qute comments, sections and expressions (innermost first, so nested braces go too). */
    static String withoutExpressions(String source) {
        String text = source.replaceAll("(?s)\\{!.*?!}", "");
        String previous;
        do {
            previous = text;
            text = text.replaceAll("\\{[^{}]*}", "");
        } while (!text.equals(previous));
        return text;
    }
}
