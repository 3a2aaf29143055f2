package org.lifeevents.registry.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.lifeevents.common.identity.PersonId;
import org.lifeevents.registry.household.Person;
import org.lifeevents.registry.validation.Dates;
import org.lifeevents.registry.validation.FieldErrors;

/**
 * The domain checks of a birth, beyond the request's own constraints: real dates not in the future, parents known to
 * the register (unless marked as not in it) and born before the child, and a multiple birth that agrees with the
 * siblings already registered (same mother, same birth date: same count, distinct order). The rules read the register
 * through {@link Register}, so the API (one birth, read from the database) and the backfill (a chunk of births, read in a
 * few set-based queries) apply one rule set.
 */
@ApplicationScoped
public class BirthChecks {

    /** A father may die before the birth; not more than this before it. */
    static final int MAX_MONTHS_FATHER_DIED_BEFORE_BIRTH = 10;

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    /** A parent as the birth names them, resolved against the register. */
    public record Parent(String personId, String givenNames, String familyName, boolean inPopulationRegister,
            Person person) {
    }

    /** The checked facts of a birth. */
    public record Facts(LocalDate birthDate, LocalTime birthTime, Parent mother, Parent father) {
    }

    /** A birth already registered to the same mother. */
    public record Sibling(String registrationNumber, LocalDate birthDate, String childId, int childrenInBirth,
            int birthOrder) {
    }

    /** What the checks read from the register. */
    public interface Register {

        /** The person with the id, or null. */
        Person person(String personId);

        /** The active birth registrations whose child has the mother as a legal parent. */
        List<Sibling> childrenOf(String motherId);
    }

    /** The register as the database holds it now, read one query at a time (the API's single birth). */
    private final Register database = new Register() {
        @Override
        public Person person(String personId) {
            return Person.findById(personId);
        }

        @Override
        public List<Sibling> childrenOf(String motherId) {
            return siblingsOf(motherId);
        }
    };

    /**
     * Checks the birth, adding every problem to the errors.
     *
     * @param ownRegistration the registration being corrected (its child is not a sibling of itself), or null
     */
    public Facts check(BirthRegistrationRequest request, String ownRegistration, FieldErrors errors) {
        return check(request, ownRegistration, errors, LocalDate.now(clock), database);
    }

    /**
     * Checks the birth against the given view of the register and business date, adding every problem to the errors.
     */
    public static Facts check(BirthRegistrationRequest request, String ownRegistration, FieldErrors errors,
            LocalDate today, Register register) {
        LocalDate birthDate = Dates.past(errors, "birthDate", request.birthDate(), !errors.has("birthDate"), today);
        LocalTime birthTime = Dates.time(errors, "birthTime", request.birthTime());
        if (request.childrenInBirth() != null && request.birthOrder() != null
                && request.birthOrder() > request.childrenInBirth()) {
            errors.add("birthOrder", "exceeds_children_in_birth",
                    "is above childrenInBirth (" + request.childrenInBirth() + ")");
        }
        if (request.motherId() == null && request.mother() == null && request.fatherId() == null
                && request.father() == null) {
            // A child nobody is named for would be decided for no household and paid to no one.
            errors.add("motherId", "parent_required", "a birth names the mother or the father (motherId or mother, "
                    + "fatherId or father; a parent not in the population register with notInPopulationRegister)");
        }
        Parent mother = parent(errors, "mother", request.motherId(), request.mother(), birthDate, request.childId(),
                register);
        Parent father = parent(errors, "father", request.fatherId(), request.father(), birthDate, request.childId(),
                register);
        if (mother != null && father != null && mother.personId() != null
                && mother.personId().equals(father.personId())) {
            errors.add("fatherId", "same_person", "the father cannot be the mother");
        }
        if (mother != null && mother.person() != null && birthDate != null && !mother.person().isAliveOn(birthDate)) {
            errors.add(field(request.motherId(), "mother"), "parent_deceased",
                    "died on " + mother.person().dateOfDeath + ", before the birth");
        }
        if (father != null && father.person() != null && birthDate != null && father.person().dateOfDeath != null
                && father.person().dateOfDeath.isBefore(birthDate.minusMonths(MAX_MONTHS_FATHER_DIED_BEFORE_BIRTH))) {
            errors.add(field(request.fatherId(), "father"), "parent_deceased",
                    "died on " + father.person().dateOfDeath + ", too long before the birth");
        }
        if (mother != null && mother.personId() != null && birthDate != null && request.childrenInBirth() != null
                && request.birthOrder() != null && PersonId.isValid(request.childId())) {
            checkSiblings(errors, request, mother.personId(), birthDate, ownRegistration, register);
        }
        return new Facts(birthDate, birthTime, mother, father);
    }

    private static Parent parent(FieldErrors errors, String role, String id,
            BirthRegistrationRequest.ParentDetails details, LocalDate childBirth, String childId, Register register) {
        String idField = role + "Id";
        if (id != null && details != null) {
            errors.add(role, "conflicting_fields", "name the " + role + " with " + idField + " or " + role + ", not both");
            return null;
        }
        if (id == null && details == null) {
            return null;
        }
        boolean marked = details != null && details.markedNotInRegister();
        String personId = id != null ? id : details.personId();
        String field = id != null ? idField : role + ".personId";
        if (personId != null && !PersonId.isValid(personId)) {
            return null;
        }
        if (personId != null && personId.equals(childId)) {
            errors.add(field, "same_person", "the child cannot be its own parent");
            return null;
        }
        Person person = personId == null ? null : register.person(personId);
        if (!marked) {
            if (personId == null) {
                errors.add(field, "required", "a parent of the population register is named by person id; "
                        + "mark a parent who is not in it with notInPopulationRegister");
                return null;
            }
            if (person == null || !person.inPopulationRegister) {
                errors.add(field, "unknown_person", "is not in the population register; when the registry knows the "
                        + role + " is not, name them in '" + role + "' with notInPopulationRegister: true");
                return null;
            }
            bornBefore(errors, field, person.birthDate, childBirth);
            return new Parent(personId, person.givenNames, person.familyName, true, person);
        }
        if (person != null && person.inPopulationRegister) {
            errors.add(role + ".notInPopulationRegister", "in_population_register",
                    personId + " is a person of the population register; name them with " + idField);
            return null;
        }
        if (personId != null) {
            bornBefore(errors, field, new PersonId(personId).birthDate(), childBirth);
        }
        return new Parent(personId, details.givenNames(), details.familyName(), false, person);
    }

    private static void bornBefore(FieldErrors errors, String field, LocalDate parentBirth, LocalDate childBirth) {
        if (parentBirth != null && childBirth != null && !parentBirth.isBefore(childBirth)) {
            errors.add(field, "born_after_child", "was born on " + parentBirth + ", not before the child");
        }
    }

    private static void checkSiblings(FieldErrors errors, BirthRegistrationRequest request, String motherId,
            LocalDate birthDate, String ownRegistration, Register register) {
        String own = ownRegistration == null ? "" : ownRegistration;
        List<Sibling> siblings = register.childrenOf(motherId).stream()
                .filter(s -> s.birthDate().equals(birthDate) && !s.childId().equals(request.childId())
                        && !s.registrationNumber().equals(own))
                .sorted(Comparator.comparing(Sibling::registrationNumber))
                .toList();
        for (Sibling sibling : siblings) {
            String number = sibling.registrationNumber();
            int count = sibling.childrenInBirth();
            int order = sibling.birthOrder();
            if (count != request.childrenInBirth()) {
                errors.add("childrenInBirth", "disagrees_with_sibling",
                        "the sibling registered as " + number + " (same mother, same day) says " + count);
            }
            if (order == request.birthOrder()) {
                errors.add("birthOrder", "taken_by_sibling", "the sibling registered as " + number + " has this order");
            }
        }
        if (siblings.size() + 1 > request.childrenInBirth() && !errors.has("childrenInBirth")) {
            errors.add("childrenInBirth", "more_children_than_stated",
                    (siblings.size() + 1) + " children of this mother born that day are registered");
        }
    }

    private List<Sibling> siblingsOf(String motherId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select r.registration_number, p.birth_date, p.person_id, p.children_in_birth, p.birth_order
                from registration r
                join person p on p.person_id = r.subject_person_id
                join responsible_adult ra on ra.child_id = p.person_id and ra.relation = 'PARENT' and ra.adult_id = ?1
                where r.kind = 'BIRTH' and r.status = 'ACTIVE'
                """)
                .setParameter(1, motherId)
                .getResultList();
        return rows.stream().map(row -> new Sibling((String) row[0], toLocalDate(row[1]), ((String) row[2]).trim(),
                ((Number) row[3]).intValue(), ((Number) row[4]).intValue())).toList();
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static String field(String id, String role) {
        return id != null ? role + "Id" : role + ".personId";
    }
}
