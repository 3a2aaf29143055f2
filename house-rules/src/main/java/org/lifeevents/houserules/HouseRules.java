package org.lifeevents.houserules;

import java.lang.reflect.Field;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house rules that hold for every module's main code, as ArchUnit rules. A module runs them with one test factory
 * ({@code @TestFactory Stream<DynamicTest> houseRules() { return HouseRules.testsFor("org.lifeevents.<module>"); }}),
 * one test per rule. Each rule says why it exists; none has an exemption list.
 */
public final class HouseRules {

    /** The package whose clock is the one place that may read the system time. */
    static final String TIME_PACKAGE = "org.lifeevents.common.time";

    private static final Set<String> TIME_TYPES = Set.of("java.time.Instant", "java.time.LocalDate",
            "java.time.LocalDateTime", "java.time.LocalTime", "java.time.ZonedDateTime", "java.time.OffsetDateTime",
            "java.time.OffsetTime", "java.time.YearMonth", "java.time.Year", "java.time.MonthDay");

    private HouseRules() {
    }

    /**
     * Time comes from the injected {@code Clock}: a rule, a due date or a record's time read from the wall clock makes
     * what is due depend on the day the code runs, and no test can fix the business date it means.
     */
    public static final ArchRule timeComesFromTheInjectedClock = noClasses()
            .that().resideOutsideOfPackage(TIME_PACKAGE)
            .should().callMethodWhere(readsTheWallClock())
            .because("time comes from the injected java.time.Clock (common.time.ClockProducer), so tests can fix "
                    + "the business date; System.nanoTime() remains for measuring durations");

    /**
     * Transactions belong to services: a resource that opens one mixes HTTP handling with the unit of work, and its
     * error mapping runs inside the transaction it should report on.
     */
    public static final ArchRule resourcesAreNotTransactional = noMethods()
            .that().areDeclaredInClassesThat().areAnnotatedWith("jakarta.ws.rs.Path")
            .should().beAnnotatedWith("jakarta.transaction.Transactional")
            .allowEmptyShould(true)
            .because("transactions are declared on services, not on resources");

    public static final ArchRule resourceClassesAreNotTransactional = noClasses()
            .that().areAnnotatedWith("jakarta.ws.rs.Path")
            .should().beAnnotatedWith("jakarta.transaction.Transactional")
            .allowEmptyShould(true)
            .because("transactions are declared on services, not on resources");

    /**
     * Feature packages depend on each other in one direction: a cycle means neither can be understood, tested or moved
     * without the other. Not yet in {@link #testsFor}: the modules whose packages still have cycles (issue 20 lists
     * them) cannot pass it, so the modules free of cycles check it on their own and keep it that way.
     */
    public static ArchRule featurePackagesAreFreeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles()
                .because("feature packages depend on each other in one direction");
    }

    /** The base packages of the services and tools that run as processes of their own. */
    static final Set<String> SERVICE_PACKAGES = Set.of("org.lifeevents.registry", "org.lifeevents.consent",
            "org.lifeevents.eligibility", "org.lifeevents.payment", "org.lifeevents.bank", "org.lifeevents.portal",
            "org.lifeevents.notification", "org.lifeevents.localstack");

    /**
     * A service talks to another through Kafka topics and HTTP contracts, never through its classes: code shared by
     * services lives in {@code common}, {@code schemas} or {@code iso20022}. The module graph already forbids it; this
     * rule keeps it so when a module's dependencies change.
     */
    public static ArchRule servicesDoNotUseOtherServicesClasses(String basePackage) {
        String[] others = SERVICE_PACKAGES.stream().filter(p -> !p.equals(basePackage)).map(p -> p + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(basePackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services meet through topics and HTTP contracts, and share code only through common, schemas "
                        + "and iso20022");
    }

    /** Every rule, as one test each, over the main (not test) classes of the package and its sub-packages. */
    public static Stream<DynamicTest> testsFor(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages(basePackage);
        Stream<DynamicTest> fields = Stream.of(HouseRules.class.getFields())
                .filter(field -> ArchRule.class.isAssignableFrom(field.getType()))
                .map(field -> DynamicTest.dynamicTest(field.getName(), () -> rule(field).check(classes)));
        return Stream.concat(fields, Stream.of(DynamicTest.dynamicTest("servicesDoNotUseOtherServicesClasses",
                () -> servicesDoNotUseOtherServicesClasses(basePackage).check(classes))));
    }

    private static ArchRule rule(Field field) {
        try {
            return (ArchRule) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static DescribedPredicate<JavaMethodCall> readsTheWallClock() {
        return DescribedPredicate.describe("read the wall clock", call -> {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            int parameters = call.getTarget().getRawParameterTypes().size();
            boolean systemTime = owner.equals("java.lang.System") && name.equals("currentTimeMillis");
            boolean systemClock = owner.equals("java.time.Clock")
                    && (name.equals("systemUTC") || name.equals("systemDefaultZone"));
            // now() and now(ZoneId) read the system clock; now(Clock) is how time is read here.
            boolean now = TIME_TYPES.contains(owner) && name.equals("now")
                    && (parameters == 0 || call.getTarget().getRawParameterTypes().get(0).getName()
                            .equals("java.time.ZoneId"));
            return systemTime || systemClock || now;
        });
    }
}
