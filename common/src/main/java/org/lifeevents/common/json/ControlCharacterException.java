package org.lifeevents.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A string value with a character no person types: answered with the field's path and its own code. */
public class ControlCharacterException extends InvalidFormatException {

    public ControlCharacterException(JsonParser parser, String value, int index) {
        super(parser, "Character " + index + " of the text is not printable (U+"
                + String.format("%04X", (int) value.charAt(index)) + ")", value, String.class);
    }
}
