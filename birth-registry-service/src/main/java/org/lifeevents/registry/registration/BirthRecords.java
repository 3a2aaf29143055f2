package org.lifeevents.registry.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.lifeevents.events.registry.BirthRecord;
import org.lifeevents.events.registry.FieldChange;
import org.lifeevents.events.registry.ParentRecord;

/** Builds the published birth record from a checked request, and lists what a correction changed in it. */
final class BirthRecords {

    private BirthRecords() {
    }

    static BirthRecord of(String registrationNumber, BirthRegistrationRequest request, BirthChecks.Facts facts,
            String householdId) {
        return BirthRecord.newBuilder()
                .setRegistrationId(registrationNumber)
                .setChildId(request.childId())
                .setGivenNames(request.givenNames())
                .setFamilyName(request.familyName())
                .setSex(request.sex())
                .setBirthDate(facts.birthDate())
                .setBirthTime(facts.birthTime())
                .setPlaceOfBirth(request.placeOfBirth())
                .setMother(parent(facts.mother()))
                .setFather(parent(facts.father()))
                .setChildrenInBirth(request.childrenInBirth())
                .setBirthOrder(request.birthOrder())
                .setHouseholdId(householdId)
                .build();
    }

    static ParentRecord parent(BirthChecks.Parent parent) {
        return parent == null ? null
                : ParentRecord.newBuilder()
                        .setPersonId(parent.personId())
                        .setGivenNames(parent.givenNames())
                        .setFamilyName(parent.familyName())
                        .setInPopulationRegister(parent.inPopulationRegister())
                        .build();
    }

    /** The fields of the record that differ, as text, in the record's own field names. */
    static List<FieldChange> changes(BirthRecord before, BirthRecord after) {
        List<FieldChange> changes = new ArrayList<>();
        change(changes, "givenNames", before.getGivenNames(), after.getGivenNames());
        change(changes, "familyName", before.getFamilyName(), after.getFamilyName());
        change(changes, "sex", before.getSex(), after.getSex());
        change(changes, "birthDate", before.getBirthDate(), after.getBirthDate());
        change(changes, "birthTime", before.getBirthTime(), after.getBirthTime());
        change(changes, "placeOfBirth", before.getPlaceOfBirth(), after.getPlaceOfBirth());
        change(changes, "mother", text(before.getMother()), text(after.getMother()));
        change(changes, "father", text(before.getFather()), text(after.getFather()));
        change(changes, "childrenInBirth", before.getChildrenInBirth(), after.getChildrenInBirth());
        change(changes, "birthOrder", before.getBirthOrder(), after.getBirthOrder());
        return changes;
    }

    static void change(List<FieldChange> changes, String field, Object before, Object after) {
        String was = before == null ? null : before.toString();
        String now = after == null ? null : after.toString();
        if (!Objects.equals(was, now)) {
            changes.add(FieldChange.newBuilder().setField(field).setPreviousValue(was).setNewValue(now).build());
        }
    }

    /** A parent as text: the person id, or the names of a parent with none, marked when not in the register. */
    private static String text(ParentRecord parent) {
        if (parent == null) {
            return null;
        }
        String who = parent.getPersonId() != null ? parent.getPersonId()
                : parent.getGivenNames() + " " + parent.getFamilyName();
        return parent.getInPopulationRegister() ? who : who + " (not in the population register)";
    }
}
