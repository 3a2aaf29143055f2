package org.lifeevents.registry.architecture;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.lifeevents.houserules.HouseRules;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The house rules hold for this module's main code. */
class HouseRulesTest {

    @TestFactory
    Stream<DynamicTest> houseRules() {
        return HouseRules.testsFor("org.lifeevents.registry");
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        HouseRules.featurePackagesAreFreeOfCycles("org.lifeevents.registry").check(new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("org.lifeevents.registry"));
    }
}
