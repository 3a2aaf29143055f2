package org.lifeevents.portal.services.payment;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract with the payment service's ledger: every field the portal reads ({@link Ledger}'s components, at every
 * depth) is in {@code contracts/payment-ledger.json}. The payment service's {@code LedgerTest} checks that each field of
 * that file is in its real answer, so between the two a field the portal reads cannot be renamed unnoticed; and the
 * portal's page tests are served that same file.
 */
class LedgerContractTest {

    @Test
    void everyFieldThePortalReadsIsInTheContract() throws IOException {
        JsonNode contract;
        try (InputStream in = LedgerContractTest.class.getResourceAsStream("/contracts/payment-ledger.json")) {
            contract = new ObjectMapper().readTree(in);
        }
        List<String> missing = new ArrayList<>();
        check(Ledger.class, contract, "", missing);
        assertThat(missing).as("fields the portal reads that the contract lacks").isEmpty();
        // and the file reads into the records the portal uses
        assertThat(new ObjectMapper().findAndRegisterModules().treeToValue(contract, Ledger.class).entitlements())
                .hasSize(1);
    }

    private static void check(Class<?> type, JsonNode node, String path, List<String> missing) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            JsonNode value = node.get(name);
            if (value == null) {
                missing.add(path + "." + name);
                continue;
            }
            Class<?> nested = component.getType();
            if (List.class.isAssignableFrom(nested)) {
                Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                if (element instanceof Class<?> c && c.isRecord()) {
                    if (value.isEmpty()) {
                        missing.add(path + "." + name + "[]");
                    } else {
                        value.forEach(v -> check(c, v, path + "." + name + "[]", missing));
                    }
                }
            } else if (nested.isRecord()) {
                check(nested, value, path + "." + name, missing);
            }
        }
    }
}
