package org.lifeevents.common.json;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every request body is read as written, never as guessed: a second document or garbage after the body, a key given
 * twice, a boolean or number where a string belongs, a fraction where an integer belongs, a number for an enum, a
 * string with a NUL, another control character or half a surrogate pair are refused (400 problem+json through
 * {@code ProblemMappers}) instead of being taken for something the client may not have
 * meant. A registry that sends {@code "count": 2.5} has a bug we must not hide by paying for two.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** The first year a date of a request may fall in: no one living or registered was born before it. */
    public static final int FIRST_YEAR = 1800;

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** The same rules for a mapper built outside CDI (tests, tools). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        for (CoercionInputShape scalar : new CoercionInputShape[] { CoercionInputShape.Boolean,
                CoercionInputShape.Integer, CoercionInputShape.Float }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        // Nor "1" for a number or "true", 1 or 0 for a flag: a client that quotes its numbers has a bug to be told of.
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        // "" is not "absent": an empty string for a number, a date, an enum or an object is refused, not read as null.
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("strict-text-and-dates")
                .addDeserializer(String.class, new PrintableText())
                .addDeserializer(LocalDate.class, new IsoDate()));
        return mapper;
    }

    /**
     * The index of the first character of the text that no person types (NUL and the other control characters but
     * tab, line feed and carriage return; DEL; half of a surrogate pair), or -1 when there is none.
     */
    public static int firstUnprintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Dates only as ISO calendar dates with a four-digit year from {@value #FIRST_YEAR}: no sign, no year 0000 or
     * 10000, no blank, no day that does not exist (ISO's strict resolution), and no array or number form.
     */
    static final class IsoDate extends StdScalarDeserializer<LocalDate> {
        private static final Pattern FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            if (!FORM.matcher(text).matches()) {
                throw InvalidFormatException.from(parser, "not a date in the form YYYY-MM-DD", text, LocalDate.class);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(parser, "not a day of the calendar", text, LocalDate.class);
            }
            if (date.getYear() < FIRST_YEAR) {
                throw InvalidFormatException.from(parser, "before " + FIRST_YEAR, text, LocalDate.class);
            }
            return date;
        }
    }

    /** Strings as Jackson reads them (its coercion rules included), refused when they hold an unprintable character. */
    static final class PrintableText extends StdScalarDeserializer<String> {

        PrintableText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            int unprintable = text == null ? -1 : firstUnprintable(text);
            if (unprintable >= 0) {
                throw new ControlCharacterException(parser, text, unprintable);
            }
            return text;
        }
    }
}
