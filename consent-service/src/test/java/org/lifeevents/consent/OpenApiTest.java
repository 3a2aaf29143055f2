package org.lifeevents.consent;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;

/** The published API description names every endpoint and shows examples of what to send and what comes back. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyEndpointIsDescribedWithExamples() {
        var description = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/me/consents"))
                .body("paths", hasKey("/me/consents/{consentId}/revoke"))
                .body("paths", hasKey("/me/consents/{consentId}/receipt"))
                .body("paths", hasKey("/consent-checks"))
                .body("paths", hasKey("/.well-known/jwks.json"))
                .body("paths", hasKey("/me/data-access"))
                .body("paths", hasKey("/audit/data-access/verification"))
                .body("paths.'/consent-checks'.get.responses.'200'.content.'application/json'.examples", hasKey("refused"))
                .extract().jsonPath();
        // OpenAPI 3.1 lists schema examples under "examples"; 3.0 had a single "example".
        Object example = description.get("components.schemas.ConsentRequest.examples");
        assertThat(example != null ? example : description.get("components.schemas.ConsentRequest.example"))
                .asString().contains("FAMILY_BENEFITS");
    }
}
