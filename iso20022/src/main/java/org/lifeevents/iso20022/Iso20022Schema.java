package org.lifeevents.iso20022;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;

import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

import com.prowidesoftware.swift.model.mx.AbstractMX;

/**
 * The XML Schema of one ISO 20022 message version, and the checks a message must pass against it before it is sent or
 * accepted. A compiled schema is thread-safe and costly to build, so each is built once and shared.
 */
public final class Iso20022Schema {

    public static final String PAIN_001_NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
    /** Where the EPC schema lies on the class path, for tools that want the file itself. */
    public static final String PAIN_001_RESOURCE = "/org/lifeevents/iso20022/pain.001.001.09.xsd";

    private static final class Pain001 {
        // A holder class: the schema compiles on first use, once per class loader.
        static final Iso20022Schema SCHEMA = load(PAIN_001_NAMESPACE, PAIN_001_RESOURCE);
    }

    private final String namespace;
    private final Schema schema;

    Iso20022Schema(String namespace, Schema schema) {
        this.namespace = namespace;
        this.schema = schema;
    }

    /** The EPC SEPA Credit Transfer schema for pain.001.001.09 (EPC132-08, 2023 version 1.0), what a SEPA bank accepts. */
    public static Iso20022Schema pain001() {
        return Pain001.SCHEMA;
    }

    /**
     * The schema of a message class of the Prowide library ({@code MxPain00200110.class}, ...), derived from its JAXB
     * model; for messages without a published schema of their own here.
     */
    public static Iso20022Schema of(Class<? extends AbstractMX> message) {
        return DerivedSchema.of(message);
    }

    private static Iso20022Schema load(String namespace, String resource) {
        URL xsd = Iso20022Schema.class.getResource(resource);
        if (xsd == null) {
            throw new IllegalStateException(resource + " is missing from the class path");
        }
        try {
            return new Iso20022Schema(namespace, factory().newSchema(xsd));
        } catch (SAXException e) {
            throw new IllegalStateException("Cannot compile " + resource, e);
        }
    }

    static SchemaFactory factory() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            // Our schemas are self-contained: nothing may make the compiler fetch files or URLs.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        return factory;
    }

    public String namespace() {
        return namespace;
    }

    /** Every schema violation of the document, empty when it is valid. */
    public List<String> violations(String xml) {
        return violations(new StreamSource(new StringReader(xml)));
    }

    /** Every schema violation of the document's bytes, empty when it is valid; the bytes are read as a stream. */
    public List<String> violations(byte[] xml) {
        return violations(new ByteArrayInputStream(xml));
    }

    /** Every schema violation of the document read from the stream (not closed), empty when it is valid. */
    public List<String> violations(InputStream xml) {
        return violations(new StreamSource(xml));
    }

    private List<String> violations(Source source) {
        List<String> errors = new ArrayList<>();
        Validator validator = schema.newValidator();
        try {
            // A file from outside must not make the validator read other files or URLs (XXE).
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
        validator.setErrorHandler(collector(errors, null));
        try {
            validator.validate(source);
        } catch (SAXException e) {
            if (errors.isEmpty()) {
                errors.add(e.getMessage());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return errors;
    }

    /**
     * Parses the document from the stream (not closed) and hands its content to {@code handler} as it is validated,
     * in one pass: the reader of a large message keeps only what it picks, never the document.
     *
     * @throws InvalidMessageException with the schema's messages when the document breaks the schema, or is no XML;
     *         the handler may have seen part of it then, and its result must be discarded
     */
    public void read(InputStream xml, ContentHandler handler) {
        List<String> violations = new ArrayList<>();
        ValidatorHandler validator = newValidatorHandler();
        validator.setErrorHandler(collector(violations, null));
        validator.setContentHandler(handler);
        try {
            XMLReader reader = Parsers.FACTORY.newSAXParser().getXMLReader();
            reader.setContentHandler(validator);
            reader.setErrorHandler(validator.getErrorHandler());
            reader.parse(new InputSource(xml));
        } catch (SAXException e) {
            if (violations.isEmpty()) {
                violations.add(e.getMessage());
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the message", e);
        }
        if (!violations.isEmpty()) {
            throw new InvalidMessageException(namespace, violations);
        }
    }

    private static final class Parsers {
        // A holder class: the factory is configured once, and only where messages are read.
        static final SAXParserFactory FACTORY = parsers();

        private static SAXParserFactory parsers() {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            try {
                // A message from outside must not make the parser read other files or URLs (XXE).
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            } catch (ParserConfigurationException | SAXException e) {
                throw new IllegalStateException(e);
            }
            return factory;
        }
    }

    /** A writer that validates the message against this schema while it writes it to the stream. */
    public ValidatingXmlWriter writer(OutputStream out) {
        return new ValidatingXmlWriter(this, out);
    }

    ValidatorHandler newValidatorHandler() {
        return schema.newValidatorHandler();
    }

    /**
     * Collects errors; warnings do not make a message invalid.
     *
     * @param where the element being written when an error arose, or null to use the parser's line number
     */
    static ErrorHandler collector(List<String> errors, java.util.function.Supplier<String> where) {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // not a violation
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(locate(e) + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(locate(e) + e.getMessage());
            }

            private String locate(SAXParseException e) {
                return where == null ? "line " + e.getLineNumber() + ": " : where.get() + ": ";
            }
        };
    }
}
