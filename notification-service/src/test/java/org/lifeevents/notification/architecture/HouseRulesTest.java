package org.lifeevents.notification.architecture;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lifeevents.houserules.HouseRules;

/** The house rules hold for this module's main code. */
class HouseRulesTest {

    @TestFactory
    Stream<DynamicTest> houseRules() {
        return HouseRules.testsFor("org.lifeevents.notification");
    }
}
