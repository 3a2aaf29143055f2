package org.lifeevents.houserules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.lifeevents.portal.PortalPage;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules catch what they are written against, and let through what the house does instead. */
class HouseRulesTest {

    static class ReadsTheWallClock {
        LocalDate today() {
            return LocalDate.now();
        }

        Instant inTallinn() {
            return LocalDate.now(ZoneId.of("Europe/Tallinn")).atStartOfDay(ZoneId.of("Europe/Tallinn")).toInstant();
        }

        long millis() {
            return System.currentTimeMillis();
        }
    }

    static class ReadsTheInjectedClock {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneId.of("Europe/Tallinn"));

        LocalDate today() {
            return LocalDate.now(clock);
        }

        long elapsed(long start) {
            return System.nanoTime() - start;
        }
    }

    static class UsesAPortalClass {
        PortalPage page = new PortalPage();
    }

    @Test
    void aClassThatUsesAnotherServicesClassIsRefused() {
        JavaClasses classes = new ClassFileImporter().importClasses(UsesAPortalClass.class, ReadsTheInjectedClock.class);
        EvaluationResult result = HouseRules.servicesDoNotUseOtherServicesClasses("org.lifeevents.houserules")
                .evaluate(classes);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).allMatch(line -> line.contains("UsesAPortalClass"));
        // the portal's own classes may use each other
        assertThat(HouseRules.servicesDoNotUseOtherServicesClasses("org.lifeevents.portal")
                .evaluate(new ClassFileImporter().importClasses(PortalPage.class)).hasViolation()).isFalse();
    }

    @Test
    void theWallClockIsRefusedAndTheInjectedClockIsNot() {
        JavaClasses wall = new ClassFileImporter().importClasses(ReadsTheWallClock.class);
        EvaluationResult refused = HouseRules.timeComesFromTheInjectedClock.evaluate(wall);
        assertThat(refused.hasViolation()).isTrue();
        assertThat(refused.getFailureReport().getDetails()).hasSize(3);

        JavaClasses injected = new ClassFileImporter().importClasses(ReadsTheInjectedClock.class);
        assertThat(HouseRules.timeComesFromTheInjectedClock.evaluate(injected).hasViolation()).isFalse();
    }
}
