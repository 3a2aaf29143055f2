package org.lifeevents.common.json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/**
 * A JSON body must be UTF-8 as RFC 3629 defines it. Jackson refuses most broken bytes but decodes some it should not:
 * an overlong form ({@code C0 AF} read as {@code /}), which is how a slash or a quote slips past a check on the
 * characters. So every JSON body is checked byte by byte as it is read, and one that is not UTF-8 is refused like any
 * unreadable body (400 {@code malformed_json}). Streams, so a large body is never held for the check.
 */
@Provider
public class StrictUtf8 implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            context.setInputStream(new Checked(context.getInputStream()));
        }
        return context.proceed();
    }

    /** Passes the bytes on while it checks them; throws at the first byte that cannot be there. */
    static final class Checked extends FilterInputStream {

        private int continuations;
        private int lowest = 0x80;
        private int highest = 0xBF;

        Checked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                end();
            } else {
                check(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read < 0) {
                end();
            }
            for (int i = 0; i < read; i++) {
                check(buffer[offset + i] & 0xFF);
            }
            return read;
        }

        private void check(int b) throws IOException {
            if (continuations > 0) {
                if (b < lowest || b > highest) {
                    throw malformed();
                }
                continuations--;
                lowest = 0x80;
                highest = 0xBF;
            } else if (b >= 0x80) {
                // The lead byte decides how many bytes follow and, for the first of them, the range that keeps the
                // character in its shortest form, outside the surrogates and at most U+10FFFF.
                if (b >= 0xC2 && b <= 0xDF) {
                    continuations = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    continuations = 2;
                    lowest = b == 0xE0 ? 0xA0 : 0x80;
                    highest = b == 0xED ? 0x9F : 0xBF;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    continuations = 3;
                    lowest = b == 0xF0 ? 0x90 : 0x80;
                    highest = b == 0xF4 ? 0x8F : 0xBF;
                } else {
                    throw malformed();
                }
            }
        }

        private void end() throws IOException {
            if (continuations > 0) {
                throw malformed();
            }
        }

        private static JsonParseException malformed() {
            return new JsonParseException((JsonParser) null, "The body is not UTF-8.");
        }
    }
}
