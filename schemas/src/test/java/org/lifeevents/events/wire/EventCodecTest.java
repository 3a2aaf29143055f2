package org.lifeevents.events.wire;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.BirthRecord;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.events.registry.ParentRecord;
import org.lifeevents.events.tax.IncomeAssessedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventSerializer serializer = new EventSerializer();
    private final EventDeserializer deserializer = new EventDeserializer();

    @Test
    void roundTripsEventsOfDifferentTypesOnOneTopic() {
        BirthRegisteredEvent birth = birth();
        IncomeAssessedEvent income = IncomeAssessedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setCorrelationId(Events.newCorrelationId())
                .setAssessmentId("A-1")
                .setPersonId("49403136515")
                .setTaxYear(2025)
                .setTaxableIncomeCents(4_200_000L)
                .setAssessedAt(Instant.parse("2026-04-30T10:00:00Z"))
                .build();

        SpecificRecord readBirth = deserializer.deserialize(Topics.REGISTRATIONS,
                serializer.serialize(Topics.REGISTRATIONS, birth));
        SpecificRecord readIncome = deserializer.deserialize(Topics.INCOMES, serializer.serialize(Topics.INCOMES, income));

        assertThat(readBirth).isInstanceOf(BirthRegisteredEvent.class).isEqualTo(birth);
        assertThat(readIncome).isInstanceOf(IncomeAssessedEvent.class).isEqualTo(income);
    }

    @Test
    void roundTripsDatesInUnionsOfNestedRecords() {
        org.lifeevents.events.registry.HouseholdMember deceased = org.lifeevents.events.registry.HouseholdMember
                .newBuilder()
                .setPersonId("35809090199").setGivenNames("Ants").setFamilyName("Mets").setSex("M")
                .setBirthDate(LocalDate.of(1958, 9, 9)).setDateOfDeath(LocalDate.of(2026, 3, 20))
                .setMemberSince(LocalDate.of(1990, 1, 1))
                .build();
        org.lifeevents.events.registry.HouseholdChangedEvent household = org.lifeevents.events.registry.HouseholdChangedEvent
                .newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setCorrelationId(Events.newCorrelationId())
                .setHouseholdId("H-1004").setVersion(2).setEffectiveFrom(LocalDate.of(2026, 3, 20)).setReason("DEATH")
                .setMembers(java.util.List.of(deceased))
                .build();

        assertThat(EventCodec.decode(EventCodec.encode(household))).isEqualTo(household);

        org.lifeevents.events.registry.DeathRegisteredEvent death = org.lifeevents.events.registry.DeathRegisteredEvent
                .newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setCorrelationId(Events.newCorrelationId())
                .setRegisteredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setDeath(org.lifeevents.events.registry.DeathRecord.newBuilder()
                        .setRegistrationId("D-1").setPersonId("35809090199").setBirthDate(LocalDate.of(1958, 9, 9))
                        .setDateOfDeath(LocalDate.of(2026, 3, 20)).setPlaceOfDeath("Haapsalu")
                        .setGivenNames("Ants").setFamilyName("Mets")
                        .build())
                .build();
        // Field by field: equals() compares only the fields of the schema the class embeds.
        var decoded = (org.lifeevents.events.registry.DeathRegisteredEvent) EventCodec.decode(EventCodec.encode(death));
        assertThat(decoded.getDeath().getGivenNames()).isEqualTo("Ants");
        assertThat(decoded.getDeath().getFamilyName()).isEqualTo("Mets");
        assertThat(EventCodec.writerSchema(EventCodec.encode(death)).getField("death").schema().getField("givenNames"))
                .as("the event's own schema embeds the current DeathRecord").isNotNull();
    }

    @Test
    void messageStartsWithTheSingleObjectMarkerAndTheWriterFingerprint() {
        byte[] bytes = serializer.serialize(Topics.REGISTRATIONS, birth());

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(EventCodec.writerSchema(bytes)).isEqualTo(BirthRegisteredEvent.getClassSchema());
    }

    @Test
    void serializerNamesTheEventTypeInAHeader() {
        RecordHeaders headers = new RecordHeaders();
        serializer.serialize(Topics.REGISTRATIONS, headers, birth());

        assertThat(new String(headers.lastHeader(EventSerializer.EVENT_TYPE_HEADER).value())).isEqualTo("BirthRegisteredEvent");
    }

    @Test
    void refusesBytesThatAreNotOurEvents() {
        assertThatThrownBy(() -> deserializer.deserialize(Topics.REGISTRATIONS, "{\"child\":1}".getBytes()))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("single-object");
    }

    @Test
    void refusesAnUnknownWriterSchema() {
        byte[] bytes = serializer.serialize(Topics.REGISTRATIONS, birth());
        bytes[5] ^= 0x7F;

        assertThatThrownBy(() -> deserializer.deserialize(Topics.REGISTRATIONS, bytes))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("Unknown writer schema");
    }

    @Test
    void refusesATruncatedBody() {
        byte[] bytes = serializer.serialize(Topics.REGISTRATIONS, birth());
        byte[] truncated = java.util.Arrays.copyOf(bytes, 14);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.REGISTRATIONS, truncated))
                .isInstanceOf(UnreadableEventException.class);
    }

    static BirthRegisteredEvent birth() {
        return BirthRegisteredEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setCorrelationId(Events.newCorrelationId())
                .setRegisteredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setBirth(BirthRecord.newBuilder()
                        .setRegistrationId("B-2026-000001")
                        .setChildId("62603020013")
                        .setGivenNames("Mari")
                        .setFamilyName("Tamm")
                        .setSex("F")
                        .setBirthDate(LocalDate.of(2026, 3, 2))
                        .setPlaceOfBirth("Tallinn")
                        .setMother(ParentRecord.newBuilder()
                                .setPersonId("49403136515")
                                .setGivenNames("Kati")
                                .setFamilyName("Tamm")
                                .setInPopulationRegister(true)
                                .build())
                        .setChildrenInBirth(1)
                        .setBirthOrder(1)
                        .setHouseholdId("H-1")
                        .build())
                .build();
    }
}
