package org.lifeevents.iso20022;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.validation.ValidatorHandler;

import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Writes one message with StAX and hands every element to the schema's {@link ValidatorHandler} as it is written, so
 * the file is validated in the same pass that produces it and never held in memory. Elements are in the schema's
 * namespace, written as the default namespace. Not thread-safe: one writer per file, any number of files in parallel.
 */
public final class ValidatingXmlWriter {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    private static final AttributesImpl NO_ATTRIBUTES = new AttributesImpl();
    /** Enough to name what is wrong; a broken generator would otherwise repeat one error per transfer. */
    private static final int REPORTED_VIOLATIONS = 20;

    private final String namespace;
    private final Writer encoder;
    private final XMLStreamWriter out;
    private final ValidatorHandler validator;
    private final List<String> violations = new ArrayList<>();
    private final Deque<String> open = new ArrayDeque<>();

    ValidatingXmlWriter(Iso20022Schema schema, OutputStream stream) {
        this.namespace = schema.namespace();
        this.validator = schema.newValidatorHandler();
        this.validator.setErrorHandler(Iso20022Schema.collector(violations, this::path));
        try {
            // Through a Writer: given the stream itself, the JDK's StAX writer encodes one byte per call into it, and
            // every call to a ByteArrayOutputStream takes its lock (12% of the bank simulator's samples in a flight
            // recording; no change end to end on 2 busy cores, measured). Buffered: the StAX writer hands over every
            // tag and value on its own, and each unbuffered call went through the encoder's lock and buffers (a fifth
            // of the payment service's pain.001 writer samples in a flight recording of a run of 100,000).
            this.encoder = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16 * 1024);
            this.out = OUTPUT.createXMLStreamWriter(encoder);
            out.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            validator.startDocument();
            validator.startPrefixMapping("", namespace);
        } catch (XMLStreamException | SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens an element; the first one is the document element and declares the namespace. */
    public ValidatingXmlWriter start(String name) {
        return start(name, NO_ATTRIBUTES);
    }

    private ValidatingXmlWriter start(String name, AttributesImpl attributes) {
        try {
            out.writeStartElement("", name, namespace);
            if (open.isEmpty()) {
                out.writeDefaultNamespace(namespace);
            }
            for (int i = 0; i < attributes.getLength(); i++) {
                out.writeAttribute(attributes.getLocalName(i), attributes.getValue(i));
            }
            open.push(name);
            validator.startElement(namespace, name, name, attributes);
        } catch (XMLStreamException | SAXException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Closes the element opened last. */
    public ValidatingXmlWriter end() {
        String name = open.peek();
        try {
            out.writeEndElement();
            validator.endElement(namespace, name, name);
            open.pop();
        } catch (XMLStreamException | SAXException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** An element holding only text. */
    public ValidatingXmlWriter element(String name, String text) {
        start(name);
        text(text);
        return end();
    }

    /** An element holding text with one attribute, e.g. an amount and its currency. */
    public ValidatingXmlWriter element(String name, String attribute, String value, String text) {
        AttributesImpl attributes = new AttributesImpl();
        attributes.addAttribute("", attribute, attribute, "CDATA", value);
        start(name, attributes);
        text(text);
        return end();
    }

    private void text(String text) {
        try {
            out.writeCharacters(text);
            char[] chars = text.toCharArray();
            validator.characters(chars, 0, chars.length);
        } catch (XMLStreamException | SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Closes what is still open and flushes the stream (which stays open).
     *
     * @throws InvalidMessageException with the schema's messages when the message broke it
     */
    public void finish() {
        while (!open.isEmpty()) {
            end();
        }
        try {
            out.writeEndDocument();
            out.flush();
            out.close();
            encoder.flush();
            validator.endPrefixMapping("");
            validator.endDocument();
        } catch (XMLStreamException | SAXException | IOException e) {
            throw new IllegalStateException(e);
        }
        if (!violations.isEmpty()) {
            throw new InvalidMessageException(namespace,
                    List.copyOf(violations.subList(0, Math.min(violations.size(), REPORTED_VIOLATIONS))));
        }
    }

    /** Whether nothing broke the schema so far; a caller may stop early instead of writing a file that will fail. */
    public boolean valid() {
        return violations.isEmpty();
    }

    private String path() {
        List<String> names = new ArrayList<>(open);
        Collections.reverse(names);
        return names.stream().collect(Collectors.joining("/", "/", ""));
    }
}
