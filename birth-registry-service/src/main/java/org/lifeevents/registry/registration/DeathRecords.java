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

    /** The record of the death, read from the register through the view both the API and the backfill provide. */
    static DeathRecord of(String registrationNumber, Person deceased, LocalDate dateOfDeath, String placeOfDeath,
            DeathChecks.Register register) {
        Optional<String> householdId = Optional.ofNullable(register.currentHousehold(deceased.personId));
        List<String> parents = register.adultsOf(deceased.personId, ResponsibleAdult.PARENT);
        List<String> children = register.childrenOf(deceased.personId);
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
                .setHouseholdMembers(householdId.map(id -> members(id, deceased, parents, children, register))
                        .orElse(List.of()))
                .setMinorChildren(minorChildren(deceased, children, dateOfDeath, register))
                .setLegalParentIds(parents)
                .build();
    }

    private static List<HouseholdMemberRef> members(String householdId, Person deceased, List<String> parents,
            List<String> children, DeathChecks.Register register) {
        List<HouseholdMemberRef> refs = new ArrayList<>();
        for (String memberId : register.currentMembers(householdId)) {
            if (memberId.equals(deceased.personId)) {
                continue;
            }
            Person person = register.person(memberId);
            String relation = memberId.equals(deceased.spouseId) ? "SPOUSE"
                    : children.contains(memberId) ? "CHILD"
                            : parents.contains(memberId) ? "PARENT" : "OTHER";
            refs.add(HouseholdMemberRef.newBuilder()
                    .setPersonId(person.personId)
                    .setBirthDate(person.birthDate)
                    .setRelationToDeceased(relation)
                    .build());
        }
        return refs;
    }

    private static List<MinorChildRecord> minorChildren(Person deceased, List<String> children, LocalDate dateOfDeath,
            DeathChecks.Register register) {
        List<MinorChildRecord> minors = new ArrayList<>();
        for (String childId : children) {
            Person child = register.person(childId);
            if (child == null || child.birthDate.isAfter(dateOfDeath) || !child.isAliveOn(dateOfDeath)
                    || !child.birthDate.plusYears(AGE_OF_MAJORITY).isAfter(dateOfDeath)) {
                continue;
            }
            Optional<String> childHousehold = Optional.ofNullable(register.currentHousehold(childId));
            List<String> survivingParents = living(register.adultsOf(childId, ResponsibleAdult.PARENT), deceased,
                    register);
            minors.add(MinorChildRecord.newBuilder()
                    .setChildId(childId)
                    .setBirthDate(child.birthDate)
                    .setHouseholdId(childHousehold.orElse(null))
                    .setSurvivingParentIds(survivingParents)
                    .setGuardianIds(living(register.adultsOf(childId, ResponsibleAdult.GUARDIAN), deceased, register))
                    .setSurvivingParentsInHousehold(survivingParents.stream()
                            .filter(parent -> childHousehold.isPresent()
                                    && childHousehold.get().equals(register.currentHousehold(parent)))
                            .toList())
                    .build());
        }
        return minors;
    }

    private static List<String> living(List<String> adults, Person deceased, DeathChecks.Register register) {
        return adults.stream()
                .filter(id -> !id.equals(deceased.personId))
                .filter(id -> {
                    Person adult = register.person(id);
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
