package org.lifeevents.registry.opencrvs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The signature as OpenCRVS's webhooks service computes it, checked against its own code run in Node.js. */
class WebhookSignatureTest {

    /**
     * Computed by OpenCRVS's {@code createRequestSignature('sha256', secret, JSON.stringify(payload))}
     * (packages/webhooks/src/features/event/service.ts) in Node.js 22; the body has characters that
     * {@code encodeURIComponent} and {@link java.net.URLEncoder} treat differently (space, {@code ' ( ) ~ ! *}),
     * non-ASCII letters and a character outside the BMP.
     */
    private static final String BODY = "{\"timestamp\":\"2026-11-30T10:15:21.000Z\",\"id\":\"w1\",\"event\":{\"hub\":"
            + "{\"topic\":\"BIRTH_REGISTERED\"},\"context\":[{\"resourceType\":\"Bundle\",\"note\":"
            + "\"Mäe tänav 5 (it's ~ok!) *€ 😀 a+b=c&d\"}]}}";
    private static final String SIGNED_BY_OPENCRVS = "sha256=d62b431a9a00a3f173ddd8f6554fde5139e72b952164ff58262b829ed99d6a9d";

    @Test
    void signsAsOpenCrvsDoes() {
        assertThat(WebhookSignature.sign("opencrvs-demo-sha-secret", BODY)).isEqualTo(SIGNED_BY_OPENCRVS);
        assertThat(WebhookSignature.matches("opencrvs-demo-sha-secret", BODY, SIGNED_BY_OPENCRVS)).isTrue();
    }

    @Test
    void anotherSecretOrAnAlteredBodyDoesNotMatch() {
        assertThat(WebhookSignature.matches("another-secret", BODY, SIGNED_BY_OPENCRVS)).isFalse();
        assertThat(WebhookSignature.matches("opencrvs-demo-sha-secret", BODY.replace("tänav 5", "tänav 6"),
                SIGNED_BY_OPENCRVS)).isFalse();
        assertThat(WebhookSignature.matches("opencrvs-demo-sha-secret", BODY, null)).isFalse();
        assertThat(WebhookSignature.matches("opencrvs-demo-sha-secret", BODY, "sha1=" + SIGNED_BY_OPENCRVS.substring(7)))
                .isFalse();
    }

    @Test
    void encodesAsJavaScriptsEncodeUriComponent() {
        assertThat(WebhookSignature.encodeUriComponent("a b+c!~*'()ä")).isEqualTo("a%20b%2Bc!~*'()%C3%A4");
    }
}
