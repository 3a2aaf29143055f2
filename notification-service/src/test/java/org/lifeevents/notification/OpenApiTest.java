package org.lifeevents.notification;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;

/** The published API description names every endpoint; health and metrics answer as on every service. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyEndpointIsDescribedAndTheServiceReportsItsHealth() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/me/notices"))
                .body("paths", hasKey("/me/notices/{noticeId}/read"))
                .body("paths", hasKey("/me/notification-preferences"))
                .body("paths", hasKey("/notification-preferences/verification"));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }
}
