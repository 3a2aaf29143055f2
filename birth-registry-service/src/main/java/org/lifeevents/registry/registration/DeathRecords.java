package org.lifeevents.registry.registration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.lifeevents.events.registry.DeathRecord;
import org.lifeevents.events.registry.HouseholdMemberRef;
import org.lifeevents.events.registry.MinorChildRecord;
import org.lifeevents.registry.household.HouseholdMember;
import org.lifeevents.registry.household.Person;
import org.lifeevents.registry.household.ResponsibleAdult;

/**
 * Builds the record of a death from the population register as it stands on the date of death: everything a consumer
 * needs to act without calling back (Tell Us Once): the household and who shares it, the spouse, the minor children
 * with who remains responsible for each, and the deceased's own parents.
 */
final class DeathRecords {

    static final int AGE_OF_MAJORITY = 18;

    private DeathRecords() {
    }

    static DeathRecord of(String registrationNumber, Person deceased, LocalDate dateOfDeath, String placeOfDeath) {
        Optional<String> householdId = HouseholdMember.currentOf(deceased.personId).map(m -> m.householdId);
        List<String> parents = ResponsibleAdult.of(deceased.personId, ResponsibleAdult.PARENT);
        List<String> children = ResponsibleAdult.childrenOf(deceased.personId, ResponsibleAdult.PARENT);
        return DeathRecord.newBuilder()
                .setRegistrationId(registrationNumber)
                .setPersonId(deceased.personId)
                .setGivenNames(deceased.givenNames)
                .setFamilyName(deceased.familyName)
                .setBirthDate(deceased.birthDate)
                .setDateOfDeath(dateOfDeath)
                .setPlaceOfDeath(placeOfDeath)
                .setHouseholdId(householdId.orElse(null))
                .setSpouseId(deceased.spouseId)
                .setHouseholdMembers(householdId.map(id -> members(id, deceased, parents, children)).orElse(List.of()))
                .setMinorChildren(minorChildren(deceased, children, dateOfDeath))
                .setLegalParentIds(parents)
                .build();
    }

    private static List<HouseholdMemberRef> members(String householdId, Person deceased, List<String> parents,
            List<String> children) {
        List<HouseholdMemberRef> refs = new ArrayList<>();
        for (HouseholdMember member : HouseholdMember.current(householdId)) {
            if (member.personId.equals(deceased.personId)) {
                continue;
            }
            Person person = Person.findById(member.personId);
            String relation = member.personId.equals(deceased.spouseId) ? "SPOUSE"
                    : children.contains(member.personId) ? "CHILD"
                            : parents.contains(member.personId) ? "PARENT" : "OTHER";
            refs.add(HouseholdMemberRef.newBuilder()
                    .setPersonId(person.personId)
                    .setBirthDate(person.birthDate)
                    .setRelationToDeceased(relation)
                    .build());
        }
        return refs;
    }

    private static List<MinorChildRecord> minorChildren(Person deceased, List<String> children, LocalDate dateOfDeath) {
        List<MinorChildRecord> minors = new ArrayList<>();
        for (String childId : children) {
            Person child = Person.findById(childId);
            if (child == null || child.birthDate.isAfter(dateOfDeath) || !child.isAliveOn(dateOfDeath)
                    || !child.birthDate.plusYears(AGE_OF_MAJORITY).isAfter(dateOfDeath)) {
                continue;
            }
            Optional<String> childHousehold = HouseholdMember.currentOf(childId).map(m -> m.householdId);
            List<String> survivingParents = living(ResponsibleAdult.of(childId, ResponsibleAdult.PARENT), deceased);
            minors.add(MinorChildRecord.newBuilder()
                    .setChildId(childId)
                    .setBirthDate(child.birthDate)
                    .setHouseholdId(childHousehold.orElse(null))
                    .setSurvivingParentIds(survivingParents)
                    .setGuardianIds(living(ResponsibleAdult.of(childId, ResponsibleAdult.GUARDIAN), deceased))
                    .setSurvivingParentsInHousehold(survivingParents.stream()
                            .filter(parent -> childHousehold.isPresent() && HouseholdMember.currentOf(parent)
                                    .map(m -> m.householdId.equals(childHousehold.get())).orElse(false))
                            .toList())
                    .build());
        }
        return minors;
    }

    private static List<String> living(List<String> adults, Person deceased) {
        return adults.stream()
                .filter(id -> !id.equals(deceased.personId))
                .filter(id -> {
                    Person adult = Person.findById(id);
                    return adult != null && !adult.isDeceased();
                })
                .toList();
    }

    /** Nested records are made through a model tied to the contract's own class loader (Quarkus tests have two). */
    private static final SpecificData MODEL = model();

    private static SpecificData model() {
        SpecificData model = new SpecificData(DeathRecord.class.getClassLoader());
        SpecificData.getForClass(DeathRecord.class).getConversions().forEach(model::addLogicalTypeConversion);
        return model;
    }

    /** The record as Avro binary, to be stored with {@code DeathRecord.getClassSchema()} as its writer schema. */
    static byte[] encode(DeathRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<DeathRecord>(DeathRecord.getClassSchema(), MODEL).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a stored record written with the given schema into the current one. */
    static DeathRecord decode(byte[] bytes, String writerSchema) {
        try {
            Schema writer = new Schema.Parser().parse(writerSchema);
            return new SpecificDatumReader<DeathRecord>(writer, DeathRecord.getClassSchema(), MODEL)
                    .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
