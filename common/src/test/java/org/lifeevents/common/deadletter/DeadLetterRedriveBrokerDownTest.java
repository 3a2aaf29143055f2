package org.lifeevents.common.deadletter;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lifeevents.common.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A re-drive while the broker is down: a real Kafka client against an address where no broker answers (what an outage
 * looks like to the service). The operator gets a 503 that says to try again, not a 500, and nothing was read.
 */
class DeadLetterRedriveBrokerDownTest {

    @Test
    void aBrokerThatDoesNotAnswerIsServiceUnavailable() throws IOException {
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        DeadLetterRedrive redrive = new DeadLetterRedrive();
        redrive.kafkaClient = Map.of("bootstrap.servers", "127.0.0.1:" + nobody);
        redrive.service = "test-service";
        redrive.brokerTimeout = Duration.ofSeconds(2);
        DeadLetterRoutes.Route route = new DeadLetterRoutes.Route("test-consumer", event -> {
            throw new AssertionError("nothing can have been read");
        });

        assertThatThrownBy(() -> redrive.redrive("registry.registrations.v1", route))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(503);
                    assertThat(problem.code()).isEqualTo("kafka_unavailable");
                    assertThat(problem.getMessage())
                            .contains("0 record(s) re-driven")
                            .contains("registry.registrations.v1.test-service.dead-letter", "re-drive again later");
                });
    }
}
