package org.lifeevents.registry.household;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.lifeevents.common.identity.PersonId;
import org.lifeevents.registry.validation.Dates;
import org.lifeevents.registry.validation.FieldErrors;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The domain checks of a household's whole state, shared by the API and the bulk backfill (which looks persons up in
 * what it prefetched): real dates, no member twice, living members, mutual spouses, parents born before their child.
 */
public final class HouseholdChecks {

    private HouseholdChecks() {
    }

    /**
     * Adds every problem of the request to the errors.
     *
     * @param persons looks a person of the register up by id (null when unknown)
     * @param today the business date: no date may lie after it, and the state holds from it when no date is given
     * @return the date the state holds from (today when not given)
     */
    public static LocalDate check(HouseholdRequest request, Function<String, Person> persons, FieldErrors errors,
            LocalDate today) {
        LocalDate effectiveFrom = Dates.past(errors, "effectiveFrom", request.effectiveFrom(), false, today);
        List<HouseholdRequest.Member> members = request.members() == null ? List.of() : request.members();
        Map<String, HouseholdRequest.Member> byId = new HashMap<>();
        Map<String, LocalDate> birthDates = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            HouseholdRequest.Member member = members.get(i);
            if (member == null) {
                continue;
            }
            String at = "members[" + i + "].";
            LocalDate birthDate = Dates.past(errors, at + "birthDate", member.birthDate(), false, today);
            LocalDate since = Dates.past(errors, at + "memberSince", member.memberSince(), false, today);
            if (birthDate != null && since != null && since.isBefore(birthDate)) {
                errors.add(at + "memberSince", "before_birth", "must not be before the person's birth");
            }
            if (member.personId() != null && byId.put(member.personId(), member) != null) {
                errors.add(at + "personId", "duplicate_member", "is named twice in this household");
            }
            if (member.personId() != null && birthDate != null) {
                birthDates.put(member.personId(), birthDate);
            }
            if (member.personId() != null && PersonId.isValid(member.personId())) {
                Person known = persons.apply(member.personId());
                if (known != null && known.isDeceased()) {
                    errors.add(at + "personId", "deceased", "died on " + known.dateOfDeath + "; only the living are members");
                }
            }
        }
        for (int i = 0; i < members.size(); i++) {
            HouseholdRequest.Member member = members.get(i);
            if (member == null || member.personId() == null) {
                continue;
            }
            String at = "members[" + i + "].";
            if (member.spouseId() != null) {
                HouseholdRequest.Member spouse = byId.get(member.spouseId());
                if (member.spouseId().equals(member.personId())) {
                    errors.add(at + "spouseId", "same_person", "a person is not their own spouse");
                } else if (spouse != null && !member.personId().equals(spouse.spouseId())) {
                    errors.add(at + "spouseId", "spouse_not_mutual", "the spouse, a member too, names another spouse");
                }
            }
            checkAdults(errors, at + "legalParentIds", member, member.legalParentIds(), birthDates, persons);
            checkAdults(errors, at + "guardianIds", member, member.guardianIds(), birthDates, persons);
            if (member.legalParentIds() != null && member.legalParentIds().size() > 2) {
                errors.add(at + "legalParentIds", "too_many_parents", "a person has at most two legal parents");
            }
        }
        return effectiveFrom != null ? effectiveFrom : today;
    }

    /** When a member joins: the given day, else the day the state holds from, but never before the member's birth. */
    public static LocalDate memberSince(HouseholdRequest.Member member, LocalDate effectiveFrom) {
        if (member.memberSince() != null) {
            return Dates.of(member.memberSince());
        }
        LocalDate birth = Dates.of(member.birthDate());
        return birth != null && birth.isAfter(effectiveFrom) ? birth : effectiveFrom;
    }

    /** A digest of a load request for one household: equal requests, equal digests. */
    public static String loadHash(String householdId, HouseholdRequest request, ObjectMapper json) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(householdId.getBytes(StandardCharsets.UTF_8));
            digest.update(json.valueToTree(request).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkAdults(FieldErrors errors, String field, HouseholdRequest.Member member, List<String> adults,
            Map<String, LocalDate> birthDates, Function<String, Person> persons) {
        if (adults == null) {
            return;
        }
        LocalDate childBirth = birthDates.get(member.personId());
        for (int j = 0; j < adults.size(); j++) {
            String adult = adults.get(j);
            if (adult == null || !PersonId.isValid(adult)) {
                continue;
            }
            if (adult.equals(member.personId())) {
                errors.add(field + "[" + j + "]", "same_person", "a person is not their own parent or guardian");
                continue;
            }
            LocalDate adultBirth = birthDates.get(adult);
            if (adultBirth == null) {
                Person known = persons.apply(adult);
                adultBirth = known != null ? known.birthDate : new PersonId(adult).birthDate();
            }
            if (childBirth != null && !adultBirth.isBefore(childBirth)) {
                errors.add(field + "[" + j + "]", "born_after_child", "was born on or after the person (" + adultBirth + ")");
            }
        }
    }
}
