package org.lifeevents.iso20022;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.transform.Result;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.SchemaOutputResolver;

import org.xml.sax.SAXException;

import com.prowidesoftware.swift.model.mx.AbstractMX;

/**
 * The schema of a message derived from the Prowide library's JAXB model of it (element order, cardinality, code lists,
 * data types), with the ISO 20022 data-type facets the model does not carry (Max35Text, Max140Text, IBAN and BIC
 * patterns, amount digits, currency code) put back. The open-source library has no schema of its own.
 */
final class DerivedSchema {

    private static final Map<Class<?>, Iso20022Schema> DERIVED = new ConcurrentHashMap<>();

    /** ISO 20022 simple types, as in the official message definitions, by the elements that use them. */
    private static final Map<String, String> ELEMENT_TYPES = new LinkedHashMap<>();
    private static final String SIMPLE_TYPES = """
            <xs:simpleType name="Max35Text"><xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="35"/></xs:restriction></xs:simpleType>
            <xs:simpleType name="Max105Text"><xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="105"/></xs:restriction></xs:simpleType>
            <xs:simpleType name="Max140Text"><xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="140"/></xs:restriction></xs:simpleType>
            <xs:simpleType name="Max15NumericText"><xs:restriction base="xs:string"><xs:pattern value="[0-9]{1,15}"/></xs:restriction></xs:simpleType>
            <xs:simpleType name="IBAN2007Identifier"><xs:restriction base="xs:string"><xs:pattern value="[A-Z]{2,2}[0-9]{2,2}[a-zA-Z0-9]{1,30}"/></xs:restriction></xs:simpleType>
            <xs:simpleType name="BICFIDec2014Identifier"><xs:restriction base="xs:string"><xs:pattern value="[A-Z0-9]{4,4}[A-Z]{2,2}[A-Z0-9]{2,2}([A-Z0-9]{3,3}){0,1}"/></xs:restriction></xs:simpleType>
            <xs:simpleType name="ExternalStatusCode"><xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="4"/></xs:restriction></xs:simpleType>
            <xs:simpleType name="UUIDv4Identifier"><xs:restriction base="xs:string"><xs:pattern value="[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}"/></xs:restriction></xs:simpleType>
            <xs:simpleType name="DecimalNumber"><xs:restriction base="xs:decimal"><xs:fractionDigits value="17"/><xs:totalDigits value="18"/></xs:restriction></xs:simpleType>
            <xs:simpleType name="ActiveOrHistoricCurrencyCode"><xs:restriction base="xs:string"><xs:pattern value="[A-Z]{3,3}"/></xs:restriction></xs:simpleType>
            <xs:simpleType name="ActiveOrHistoricCurrencyAndAmount_SimpleType"><xs:restriction base="xs:decimal"><xs:fractionDigits value="5"/><xs:totalDigits value="18"/><xs:minInclusive value="0"/></xs:restriction></xs:simpleType>
            """;

    static {
        for (String name : List.of("MsgId", "PmtInfId", "InstrId", "EndToEndId", "OrgnlMsgId", "OrgnlMsgNmId",
                "OrgnlPmtInfId", "OrgnlInstrId", "OrgnlEndToEndId", "StsId")) {
            ELEMENT_TYPES.put(name, "Max35Text");
        }
        ELEMENT_TYPES.put("Nm", "Max140Text");
        ELEMENT_TYPES.put("Ustrd", "Max140Text");
        ELEMENT_TYPES.put("AddtlInf", "Max105Text");
        ELEMENT_TYPES.put("NbOfTxs", "Max15NumericText");
        ELEMENT_TYPES.put("OrgnlNbOfTxs", "Max15NumericText");
        ELEMENT_TYPES.put("IBAN", "IBAN2007Identifier");
        ELEMENT_TYPES.put("BICFI", "BICFIDec2014Identifier");
        ELEMENT_TYPES.put("GrpSts", "ExternalStatusCode");
        ELEMENT_TYPES.put("TxSts", "ExternalStatusCode");
        ELEMENT_TYPES.put("PmtInfSts", "ExternalStatusCode");
        ELEMENT_TYPES.put("UETR", "UUIDv4Identifier");
    }

    private DerivedSchema() {
    }

    static Iso20022Schema of(Class<? extends AbstractMX> message) {
        return DERIVED.computeIfAbsent(message, m -> {
            try {
                return of((String) m.getField("NAMESPACE").get(null), (Class<?>[]) m.getField("_classes").get(null));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(m + " is not a message of the library", e);
            }
        });
    }

    private static Iso20022Schema of(String namespace, Class<?>[] classes) {
        try {
            Map<String, StringWriter> files = new LinkedHashMap<>();
            JAXBContext.newInstance(classes).generateSchema(new SchemaOutputResolver() {
                @Override
                public Result createOutput(String ns, String file) {
                    StringWriter writer = new StringWriter();
                    files.put(ns, writer);
                    StreamResult result = new StreamResult(writer);
                    result.setSystemId(file);
                    return result;
                }
            });
            String xsd = isoTypes(namespace, files.get("").toString());
            return new Iso20022Schema(namespace, Iso20022Schema.factory().newSchema(new StreamSource(new StringReader(xsd))));
        } catch (JAXBException | IOException | SAXException e) {
            throw new IllegalStateException("Cannot derive the schema of " + namespace, e);
        }
    }

    /** The library binds the message types without a namespace; the message puts them into the version's namespace. */
    static String isoTypes(String namespace, String generated) {
        String xsd = generated.replaceFirst("<xs:schema ",
                "<xs:schema targetNamespace=\"" + namespace + "\" xmlns=\"" + namespace
                        + "\" elementFormDefault=\"qualified\" ");
        xsd = xsd.replaceFirst("(<xs:schema[^>]*>)", "$1<xs:element name=\"Document\" type=\"Document\"/>" + SIMPLE_TYPES);
        for (Map.Entry<String, String> type : ELEMENT_TYPES.entrySet()) {
            xsd = xsd.replace("name=\"" + type.getKey() + "\" type=\"xs:string\"",
                    "name=\"" + type.getKey() + "\" type=\"" + type.getValue() + "\"");
        }
        xsd = xsd.replaceAll("name=\"(CtrlSum|OrgnlCtrlSum)\" type=\"xs:decimal\"", "name=\"$1\" type=\"DecimalNumber\"");
        xsd = xsd.replaceAll(
                "(<xs:complexType name=\"ActiveOrHistoricCurrencyAndAmount\">\\s*<xs:simpleContent>\\s*)<xs:extension base=\"xs:decimal\">\\s*<xs:attribute name=\"Ccy\" type=\"xs:string\"",
                "$1<xs:extension base=\"ActiveOrHistoricCurrencyAndAmount_SimpleType\"><xs:attribute name=\"Ccy\" type=\"ActiveOrHistoricCurrencyCode\"");
        return xsd;
    }
}
