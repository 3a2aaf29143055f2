package org.lifeevents.notification.delivery;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The pause before the next attempt doubles with each failure, up to the cap. */
class BackoffTest {

    @ParameterizedTest
    @CsvSource({ "1, PT30S", "2, PT1M", "3, PT2M", "7, PT32M", "8, PT1H", "1000, PT1H" })
    void doublesUpToTheCap(int failures, Duration pause) {
        assertThat(Backoff.after(failures, Duration.ofSeconds(30), Duration.ofHours(1))).isEqualTo(pause);
    }
}
