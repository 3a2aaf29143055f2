package org.lifeevents.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.ConsumerGroupState;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.EntitlementChangedEvent;
import org.lifeevents.events.eligibility.EntitlementDecidedEvent;
import org.lifeevents.events.eligibility.EntitlementPeriod;
import org.lifeevents.events.eligibility.EntitlementStoppedEvent;
import org.lifeevents.events.registry.BirthRecord;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.events.registry.HouseholdChangedEvent;
import org.lifeevents.events.registry.HouseholdMember;
import org.lifeevents.events.registry.ParentRecord;
import org.lifeevents.events.wire.EventCodec;
import org.lifeevents.localservers.testing.TopicReader;
import org.lifeevents.localstack.LocalStack;
import org.lifeevents.localstack.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scale by partition: two eligibility-service processes in one consumer group, on one database, share the input
 * topics' partitions. Births and household states of many households are published (a household's birth and its
 * snapshots are keyed differently, so they often land on different partitions and so on different instances); in the
 * middle the second instance is killed and its partitions move back to the first. Afterwards every household has
 * exactly the entitlements one instance decides for a couple's first child, each decided once: no duplicate, none
 * missing.
 */
class EligibilityScaleOutIT {

    private static final int HOUSEHOLDS = 40;
    private static final String GROUP = "eligibility-service";

    /** One family of the run: two parents, then a child born into their household. */
    record Family(String householdId, String mother, String father, String child, LocalDate born) {
    }

    @Test
    void twoInstancesWithARebalanceInTheMiddleDecideEveryHouseholdExactlyOnce() {
        LocalStack stack = SystemStack.get();
        TopicReader topics = new TopicReader(stack.kafka().bootstrapServers());
        // each instance runs several consumers in the group (one per channel, and one per partition of the busiest
        // channels): the second has joined when the group has twice the first's members and has settled
        long alone = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> members(stack), n -> n > 0);
        LocalStack.Instance second = stack.startAnotherInstance(Service.ELIGIBILITY);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> members(stack) == 2 * alone && membersReading(stack, Topics.REGISTRATIONS) > 0
                        && membersReading(stack, Topics.HOUSEHOLDS) > 0);

        String run = Long.toString(System.currentTimeMillis() % 100000);
        List<Family> families = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            LocalDate born = LocalDate.of(2026, 9, 1).plusDays(i % 28);
            families.add(new Family("H-SCALE-" + run + "-" + i, id("F", LocalDate.of(1971, 1, 1).plusDays(i), i),
                    id("M", LocalDate.of(1970, 1, 1).plusDays(i), i), id(i % 2 == 0 ? "F" : "M", born, 600 + i), born));
        }
        for (Family family : families.subList(0, HOUSEHOLDS / 2)) {
            publish(topics, family);
        }
        // the second instance has its share of the first half under way when it dies
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> householdsWithChildAllowance(topics, families) >= HOUSEHOLDS / 8);
        second.kill();
        for (Family family : families.subList(HOUSEHOLDS / 2, HOUSEHOLDS)) {
            publish(topics, family);
        }

        // the killed instance's partitions move once its session times out; their records are delivered again
        Set<String> all = families.stream().flatMap(f -> expected(f).keySet().stream()).collect(Collectors.toSet());
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                .until(() -> entitlementEvents(topics).keySet().containsAll(all));
        Map<String, List<SpecificRecord>> byEntitlement = entitlementEvents(topics);
        for (Family family : families) {
            Map<String, String> expected = expected(family);
            Set<String> ids = expected.keySet();
            Set<String> actualIds = byEntitlement.entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(r -> family.householdId().equals(householdOf(r))))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            assertThat(actualIds).as("entitlements of " + family.householdId()).isEqualTo(ids);
            for (String id : ids) {
                List<SpecificRecord> events = byEntitlement.get(id);
                assertThat(events.stream().filter(e -> e instanceof EntitlementDecidedEvent).count())
                        .as("decided once: " + id + " of " + family.householdId()).isEqualTo(1);
                List<Long> versions = events.stream().map(EligibilityScaleOutIT::versionOf).toList();
                assertThat(new HashSet<>(versions)).as("no version of " + id + " twice").hasSize(versions.size());
                SpecificRecord last = events.stream().max((a, b) -> Long.compare(versionOf(a), versionOf(b))).orElseThrow();
                assertThat(state(last)).as(id + " of " + family.householdId()).isEqualTo(expected.get(id));
            }
        }
    }

    /** As a single instance decides a couple's first child (worked out from the domain brief by hand). */
    private static Map<String, String> expected(Family f) {
        Map<String, String> expected = new HashMap<>();
        LocalDate firstMonth = f.born().withDayOfMonth(1);
        LocalDate lastMonth = f.born().plusYears(16).withDayOfMonth(1).plusMonths(1).minusDays(1);
        expected.put(entitlementId("BIRTH_GRANT:" + f.child()),
                "BIRTH_GRANT OFFERED " + f.mother() + " [" + f.born() + ".." + f.born() + " 32000 " + f.mother() + "]");
        expected.put(entitlementId("CHILD_ALLOWANCE:" + f.child() + ":" + f.householdId()),
                "CHILD_ALLOWANCE GRANTED " + f.mother() + " [" + firstMonth + ".." + lastMonth + " 8000 " + f.mother() + "]");
        expected.put(entitlementId("PARENTAL_BENEFIT:" + f.mother() + ":" + f.born()),
                "PARENTAL_BENEFIT PENDING " + f.mother() + " []");
        expected.put(entitlementId("PARENTAL_BENEFIT:" + f.father() + ":" + f.born()),
                "PARENTAL_BENEFIT PENDING " + f.father() + " []");
        return expected;
    }

    /** The household, the birth and the household with the child; every third family's child state comes first. */
    private static void publish(TopicReader topics, Family f) {
        String correlationId = Events.newCorrelationId();
        HouseholdChangedEvent parents = household(f, 1, LocalDate.of(2024, 6, 1), "INITIAL_LOAD",
                List.of(member(f.mother(), f.father(), List.of()), member(f.father(), f.mother(), List.of())));
        HouseholdChangedEvent withChild = household(f, 2, f.born(), "BIRTH",
                List.of(member(f.mother(), f.father(), List.of()), member(f.father(), f.mother(), List.of()),
                        member(f.child(), null, List.of(f.mother(), f.father()))));
        BirthRegisteredEvent birth = BirthRegisteredEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setCorrelationId(correlationId)
                .setRegisteredAt(Instant.now())
                .setBirth(BirthRecord.newBuilder()
                        .setRegistrationId("B-" + f.child())
                        .setChildId(f.child())
                        .setGivenNames("Child")
                        .setFamilyName("Scale")
                        .setSex(sexOf(f.child()))
                        .setBirthDate(f.born())
                        .setPlaceOfBirth("Tallinn")
                        .setMother(parent(f.mother()))
                        .setFather(parent(f.father()))
                        .setChildrenInBirth(1)
                        .setBirthOrder(1)
                        .setHouseholdId(f.householdId())
                        .build())
                .build();
        topics.publish(Topics.HOUSEHOLDS, f.householdId(), parents);
        if (f.child().hashCode() % 3 == 0) {
            topics.publish(Topics.HOUSEHOLDS, f.householdId(), withChild);
            topics.publish(Topics.REGISTRATIONS, f.child(), birth);
        } else {
            topics.publish(Topics.REGISTRATIONS, f.child(), birth);
            topics.publish(Topics.HOUSEHOLDS, f.householdId(), withChild);
        }
    }

    private static HouseholdChangedEvent household(Family f, long version, LocalDate effectiveFrom, String reason,
            List<HouseholdMember> members) {
        return HouseholdChangedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setCorrelationId(Events.newCorrelationId())
                .setHouseholdId(f.householdId())
                .setVersion(version)
                .setEffectiveFrom(effectiveFrom)
                .setReason(reason)
                .setMembers(new ArrayList<>(members))
                .build();
    }

    private static HouseholdMember member(String personId, String spouseId, List<String> parents) {
        return HouseholdMember.newBuilder()
                .setPersonId(personId)
                .setGivenNames("P")
                .setFamilyName("Scale")
                .setSex(sexOf(personId))
                .setBirthDate(birthDateOf(personId))
                .setMemberSince(birthDateOf(personId))
                .setSpouseId(spouseId)
                .setLegalParentIds(parents)
                .setGuardianIds(List.of())
                .build();
    }

    private static ParentRecord parent(String personId) {
        return ParentRecord.newBuilder().setPersonId(personId).setGivenNames("P").setFamilyName("Scale")
                .setInPopulationRegister(true).build();
    }

    /** How many consumers of the group read the topic (each instance has one per channel). */
    /** Members of the group in a stable generation (0 while it rebalances). */
    private static long members(LocalStack stack) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
            return group.state() == ConsumerGroupState.STABLE ? group.members().size() : 0;
        }
    }

    private static long membersReading(LocalStack stack, String topic) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            return admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP).members().stream()
                    .map(MemberDescription::assignment)
                    .filter(a -> a.topicPartitions().stream().anyMatch(p -> p.topic().equals(topic)))
                    .count();
        }
    }

    private static long householdsWithChildAllowance(TopicReader topics, List<Family> families) {
        Set<String> ids = families.stream().map(f -> entitlementId("CHILD_ALLOWANCE:" + f.child() + ":" + f.householdId()))
                .collect(Collectors.toSet());
        return entitlementEvents(topics).keySet().stream().filter(ids::contains).count();
    }

    private static Map<String, List<SpecificRecord>> entitlementEvents(TopicReader topics) {
        Map<String, List<SpecificRecord>> events = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : topics.readRaw(Topics.ENTITLEMENTS)) {
            SpecificRecord event = EventCodec.decode(record.value());
            events.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event);
        }
        return events;
    }

    private static String householdOf(SpecificRecord event) {
        if (event instanceof EntitlementDecidedEvent e) {
            return e.getHouseholdId();
        }
        if (event instanceof EntitlementChangedEvent e) {
            return e.getHouseholdId();
        }
        return null;
    }

    private static long versionOf(SpecificRecord event) {
        if (event instanceof EntitlementDecidedEvent e) {
            return e.getVersion();
        }
        if (event instanceof EntitlementChangedEvent e) {
            return e.getVersion();
        }
        return ((EntitlementStoppedEvent) event).getVersion();
    }

    /** Benefit, status, recipient and periods: what a payment or a citizen relies on. */
    private static String state(SpecificRecord event) {
        if (event instanceof EntitlementDecidedEvent e) {
            return e.getBenefit() + " " + e.getStatus() + " " + e.getRecipientId() + " " + periods(e.getPeriods());
        }
        if (event instanceof EntitlementChangedEvent e) {
            return e.getBenefit() + " " + e.getStatus() + " " + e.getRecipientId() + " " + periods(e.getPeriods());
        }
        return "STOPPED";
    }

    private static String periods(List<EntitlementPeriod> periods) {
        return periods.stream().map(p -> p.getFromDate() + ".." + p.getUntilDate() + " " + p.getAmountCents() + " "
                + p.getRecipientId()).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String entitlementId(String key) {
        return UUID.nameUUIDFromBytes(("lifeevents:entitlement:" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    /** A valid Estonian personal code (century and sex digit, YYMMDD, serial, two-pass mod-11 check digit). */
    static String id(String sex, LocalDate birthDate, int serial) {
        int centuryAndSex = (birthDate.getYear() / 100 - 18) * 2 + (sex.equals("M") ? 1 : 2);
        String first10 = String.format("%d%02d%02d%02d%03d", centuryAndSex, birthDate.getYear() % 100,
                birthDate.getMonthValue(), birthDate.getDayOfMonth(), serial % 1000);
        int[] first = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 1 };
        int[] second = { 3, 4, 5, 6, 7, 8, 9, 1, 2, 3 };
        int check = weighted(first10, first) % 11;
        if (check == 10) {
            check = weighted(first10, second) % 11;
            check = check == 10 ? 0 : check;
        }
        return first10 + check;
    }

    private static int weighted(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    private static String sexOf(String personId) {
        return (personId.charAt(0) - '0') % 2 == 0 ? "F" : "M";
    }

    private static LocalDate birthDateOf(String personId) {
        int century = 1800 + ((personId.charAt(0) - '0' - 1) / 2) * 100;
        return LocalDate.of(century + Integer.parseInt(personId.substring(1, 3)),
                Integer.parseInt(personId.substring(3, 5)), Integer.parseInt(personId.substring(5, 7)));
    }
}
