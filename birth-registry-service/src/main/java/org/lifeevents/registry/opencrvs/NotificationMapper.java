package org.lifeevents.registry.opencrvs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.problem.Problem;
import org.lifeevents.registry.registration.BirthRegistrationRequest;
import org.lifeevents.registry.registration.DeathRegistrationRequest;

import com.fasterxml.jackson.databind.JsonNode;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

/**
 * Reads an OpenCRVS registration bundle into our birth or death registration request. The Task says what happened
 * (event type, registration status, tracking id, registration number); the Composition's sections say which Patient is
 * the child, mother, father or deceased and which Encounter is the event. Only what is missing for the mapping itself
 * is refused here; the request's own rules (valid ids, dates that agree with them, known parents) are the registration
 * path's, and their refusals are translated to FHIR paths with {@link Notification#sourceOf}.
 */
public final class NotificationMapper {

    public static final String BIRTH = "BIRTH";
    public static final String DEATH = "DEATH";
    static final String REGISTERED = "REGISTERED";
    /** LOINC "Birth plurality of Pregnancy", the observation OpenCRVS records the type of birth in. */
    static final String BIRTH_PLURALITY = "57722-1";
    private static final Map<String, Integer> PLURALITY = Map.of("SINGLE", 1, "TWIN", 2, "TRIPLET", 3,
            "QUADRUPLET", 4);

    private final List<String> personIdTypes;

    public NotificationMapper(List<String> personIdTypes) {
        this.personIdTypes = List.copyOf(personIdTypes);
    }

    /**
     * The notification in the bundle. {@code expectedType} is the event type the webhook's topic announced, or null
     * for a bundle posted on its own, whose Task alone says what it is.
     */
    public Notification map(FhirBundles.Parsed parsed, String expectedType) {
        Entries entries = new Entries(parsed.bundle(), parsed.json());
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<Located<Task>> task = entries.first(Task.class);
        if (task.isEmpty()) {
            throw Refusal.INVALID_BUNDLE.exception("The bundle has no Task: nothing says what was registered.",
                    List.of(new Problem.FieldError("Bundle.entry", Refusal.RESOURCE_MISSING,
                            "has no Task with the event type, status and registration number")));
        }
        String type = eventType(task.get());
        if (type == null || expectedType != null && !expectedType.equals(type)) {
            throw Refusal.UNKNOWN_EVENT_TYPE.exception(type == null
                    ? "The Task's code (" + task.get().path() + ".code) is neither BIRTH nor DEATH."
                    : "The notification's topic announces a " + expectedType + " but its Task is a " + type + ".");
        }
        String status = codeOf(task.get().resource().getBusinessStatus());
        if (!REGISTERED.equals(status)) {
            throw Refusal.NOT_REGISTERED.exception("The Task's registration status (" + task.get().path()
                    + ".businessStatus) is " + (status == null ? "missing" : status) + ", not REGISTERED.");
        }
        Map<String, String> sources = new HashMap<>();
        String prefix = type.toLowerCase(Locale.ROOT);
        String trackingId = null;
        String registrationNumber = null;
        List<Identifier> identifiers = task.get().resource().getIdentifier();
        for (int i = 0; i < identifiers.size(); i++) {
            String system = identifiers.get(i).getSystem();
            if (system == null) {
                continue;
            }
            if (system.endsWith("/" + prefix + "-tracking-id")) {
                trackingId = identifiers.get(i).getValue();
            } else if (system.endsWith("/" + prefix + "-registration-number")) {
                registrationNumber = identifiers.get(i).getValue();
                sources.put("registrationNumber", task.get().path() + ".identifier[" + i + "].value");
            }
        }
        if (registrationNumber == null || registrationNumber.isBlank()) {
            errors.add(new Problem.FieldError(task.get().path() + ".identifier", Refusal.VALUE_MISSING,
                    "has no " + prefix + "-registration-number"));
        }
        Optional<Located<Composition>> composition = entries.first(Composition.class);
        if (composition.isEmpty()) {
            errors.add(new Problem.FieldError("Bundle.entry", Refusal.RESOURCE_MISSING,
                    "has no Composition: nothing says who is the child, the parents or the deceased"));
            throw Refusal.INVALID_BUNDLE.exception("The bundle lacks what the registration needs.", errors);
        }
        Sections sections = new Sections(entries, composition.get(), errors);
        Notification notification = BIRTH.equals(type)
                ? birth(trackingId, registrationNumber, entries, sections, sources, errors)
                : death(trackingId, registrationNumber, sections, sources, errors);
        if (!errors.isEmpty()) {
            throw Refusal.INVALID_BUNDLE.exception("The bundle lacks what the registration needs.", errors);
        }
        return notification;
    }

    private Notification birth(String trackingId, String number, Entries entries, Sections sections,
            Map<String, String> sources, List<Problem.FieldError> errors) {
        Optional<Located<Patient>> child = sections.person("child-details", true);
        Optional<Located<Patient>> mother = sections.person("mother-details", true);
        Optional<Located<Patient>> father = sections.person("father-details", false);

        String childId = child.map(c -> personId(c, "childId", sources, errors)).orElse(null);
        String motherId = mother.map(m -> personId(m, "motherId", sources, errors)).orElse(null);
        String fatherId = null;
        BirthRegistrationRequest.ParentDetails fatherDetails = null;
        if (father.isPresent()) {
            Optional<String> id = identifierOf(father.get(), "fatherId", sources, errors);
            if (id.isPresent()) {
                fatherId = id.get();
            } else {
                // A father with no id of the register (a foreign father) is named in full and marked, as the API asks.
                HumanName name = firstName(father.get().resource());
                fatherDetails = new BirthRegistrationRequest.ParentDetails(null, given(name), family(name), true);
                sources.put("father", father.get().path());
                sources.put("father.givenNames", father.get().path() + ".name[0].given");
                sources.put("father.familyName", father.get().path() + ".name[0].family");
            }
        }
        Patient patient = child.map(Located::resource).orElse(new Patient());
        String childPath = child.map(Located::path).orElse(sections.path("child-details"));
        HumanName name = firstName(patient);
        sources.put("givenNames", childPath + ".name[0].given");
        sources.put("familyName", childPath + ".name[0].family");
        sources.put("sex", childPath + ".gender");
        sources.put("birthDate", childPath + ".birthDate");
        sources.put("birthOrder", childPath + ".multipleBirthInteger");
        Integer birthOrder = patient.getMultipleBirth() instanceof IntegerType order ? order.getValue() : Integer.valueOf(1);

        Optional<Located<Encounter>> encounter = sections.resource("birth-encounter", Encounter.class, false);
        String place = encounter.map(e -> place(e, entries, "placeOfBirth", sources)).orElse(null);
        if (encounter.isEmpty()) {
            sources.put("placeOfBirth", sections.path("birth-encounter"));
        }
        Integer childrenInBirth = plurality(entries, sources);

        BirthRegistrationRequest request = new BirthRegistrationRequest(number, childId, given(name), family(name),
                sex(patient), patient.getBirthDateElement().getValueAsString(), null, place, motherId, fatherId, null,
                fatherDetails, childrenInBirth, birthOrder);
        return new Notification.Birth(trackingId, request, Map.copyOf(sources));
    }

    private Notification death(String trackingId, String number, Sections sections, Map<String, String> sources,
            List<Problem.FieldError> errors) {
        Optional<Located<Patient>> deceased = sections.person("deceased-details", true);
        String personId = deceased.map(d -> personId(d, "personId", sources, errors)).orElse(null);
        String dateOfDeath = null;
        if (deceased.isPresent()) {
            sources.put("dateOfDeath", deceased.get().path() + ".deceasedDateTime");
            // A date of death known only to the month or year is no date of death for the register.
            if (deceased.get().resource().getDeceased() instanceof DateTimeType date && date.getYear() != null
                    && date.getPrecision().compareTo(TemporalPrecisionEnum.DAY) >= 0) {
                dateOfDeath = String.format(Locale.ROOT, "%04d-%02d-%02d", date.getYear(), date.getMonth() + 1,
                        date.getDay());
            }
        }
        Optional<Located<Encounter>> encounter = sections.resource("death-encounter", Encounter.class, false);
        String place = encounter.map(e -> place(e, sections.entries, "placeOfDeath", sources)).orElse(null);
        if (encounter.isEmpty()) {
            sources.put("placeOfDeath", sections.path("death-encounter"));
        }
        DeathRegistrationRequest request = new DeathRegistrationRequest(number, personId, dateOfDeath, place);
        return new Notification.Death(trackingId, request, Map.copyOf(sources));
    }

    private String personId(Located<Patient> patient, String field, Map<String, String> sources,
            List<Problem.FieldError> errors) {
        Optional<String> id = identifierOf(patient, field, sources, errors);
        if (id.isEmpty()) {
            errors.add(new Problem.FieldError(patient.path() + ".identifier", Refusal.PERSON_ID_MISSING,
                    "has no identifier of type " + String.join(" or ", personIdTypes)));
        }
        return id.orElse(null);
    }

    /**
     * The first identifier of an accepted type, in the configured order of preference. A birth date the Patient states
     * must be the one the person id encodes: the registration path reads the date from the request alone.
     */
    private Optional<String> identifierOf(Located<Patient> patient, String field, Map<String, String> sources,
            List<Problem.FieldError> errors) {
        Optional<String> id = identifierOf(patient, field, sources);
        Patient person = patient.resource();
        if (id.isPresent() && PersonId.isValid(id.get()) && person.hasBirthDate()
                && person.getBirthDateElement().getPrecision() == TemporalPrecisionEnum.DAY) {
            LocalDate stated = LocalDate.parse(person.getBirthDateElement().getValueAsString());
            LocalDate encoded = new PersonId(id.get()).birthDate();
            if (!stated.equals(encoded)) {
                errors.add(new Problem.FieldError(patient.path() + ".birthDate", Refusal.CONTRADICTS_PERSON_ID,
                        "is " + stated + " but the person id " + id.get() + " says " + encoded));
            }
        }
        return id;
    }

    private Optional<String> identifierOf(Located<Patient> patient, String field, Map<String, String> sources) {
        List<Identifier> identifiers = patient.resource().getIdentifier();
        for (String accepted : personIdTypes) {
            for (int i = 0; i < identifiers.size(); i++) {
                Identifier identifier = identifiers.get(i);
                if (identifier.hasValue() && !identifier.getValue().isBlank()
                        && hasCode(identifier.getType(), accepted)) {
                    sources.put(field, patient.path() + ".identifier[" + i + "].value");
                    return Optional.of(identifier.getValue().trim());
                }
            }
        }
        return Optional.empty();
    }

    private static String place(Located<Encounter> encounter, Entries entries, String field,
            Map<String, String> sources) {
        sources.put(field, encounter.path() + ".location[0].location");
        if (!encounter.resource().hasLocation()) {
            return null;
        }
        Reference reference = encounter.resource().getLocationFirstRep().getLocation();
        Optional<Located<Location>> location = entries.resolve(reference, Location.class);
        if (location.isPresent()) {
            Location found = location.get().resource();
            sources.put(field, location.get().path() + ".name");
            if (found.hasName() && !found.getName().isBlank()) {
                return found.getName();
            }
            if (found.hasAddress()) {
                String address = found.getAddress().hasText() ? found.getAddress().getText()
                        : found.getAddress().getCity();
                if (address != null && !address.isBlank()) {
                    return address;
                }
            }
        }
        return reference.hasDisplay() ? reference.getDisplay() : null;
    }

    /** Children born in the birth, from the plurality observation; a single birth when OpenCRVS recorded none. */
    private static Integer plurality(Entries entries, Map<String, String> sources) {
        for (Located<Observation> observation : entries.all(Observation.class)) {
            if (!hasCode(observation.resource().getCode(), BIRTH_PLURALITY)) {
                continue;
            }
            sources.put("childrenInBirth", observation.path() + ".value");
            Type value = observation.resource().getValue();
            String text = null;
            if (value instanceof Quantity quantity) {
                // OpenCRVS writes the word (TWIN) into valueQuantity.value, a decimal in FHIR, which HAPI drops.
                text = quantity.hasValue() ? quantity.getValue().toPlainString()
                        : entries.json(observation.path(), "valueQuantity", "value");
            } else if (value instanceof IntegerType integer) {
                return integer.getValue();
            } else if (value instanceof StringType string) {
                text = string.getValue();
            } else if (value instanceof CodeableConcept concept) {
                text = codeOf(concept);
            }
            return text == null ? null : count(text.trim());
        }
        return 1;
    }

    private static Integer count(String text) {
        Integer word = PLURALITY.get(text.toUpperCase(Locale.ROOT));
        if (word != null) {
            return word;
        }
        try {
            return new BigDecimal(text).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            // Left empty, so the registration's own rule refuses it at this observation's path.
            return null;
        }
    }

    private static String eventType(Located<Task> task) {
        for (Coding coding : task.resource().getCode().getCoding()) {
            if (BIRTH.equals(coding.getCode()) || DEATH.equals(coding.getCode())) {
                return coding.getCode();
            }
        }
        return null;
    }

    private static String sex(Patient patient) {
        if (!patient.hasGender()) {
            return null;
        }
        return switch (patient.getGender()) {
            case FEMALE -> "F";
            case MALE -> "M";
            case OTHER -> "X";
            default -> null;
        };
    }

    private static HumanName firstName(Resource person) {
        List<HumanName> names = person instanceof Patient patient ? patient.getName()
                : person instanceof RelatedPerson related ? related.getName() : List.of();
        return names.stream().filter(n -> "en".equals(n.getUse() == null ? null : n.getUse().toCode())).findFirst()
                .orElse(names.isEmpty() ? new HumanName() : names.get(0));
    }

    private static String given(HumanName name) {
        String given = name.getGiven().stream().map(StringType::getValue).filter(g -> g != null && !g.isBlank())
                .map(String::trim).collect(Collectors.joining(" "));
        return given.isEmpty() ? null : given;
    }

    private static String family(HumanName name) {
        return name.hasFamily() && !name.getFamily().isBlank() ? name.getFamily().trim() : null;
    }

    static String codeOf(CodeableConcept concept) {
        return concept == null || !concept.hasCoding() ? null : concept.getCodingFirstRep().getCode();
    }

    static boolean hasCode(CodeableConcept concept, String code) {
        return concept != null && concept.getCoding().stream().anyMatch(c -> code.equals(c.getCode()));
    }

    /** A resource with the FHIR path of its bundle entry. */
    record Located<R extends Resource>(R resource, String path) {
    }

    /** The bundle's entries, found by type or by reference, each with its index. */
    static final class Entries {

        private static final Pattern ENTRY = Pattern.compile("Bundle\\.entry\\[(\\d+)]\\.resource");

        private final List<Bundle.BundleEntryComponent> list;
        private final JsonNode json;

        Entries(Bundle bundle, JsonNode json) {
            this.list = bundle.getEntry();
            this.json = json;
        }

        /** The text of an element of an entry's resource as written in the JSON, or null. */
        String json(String resourcePath, String... elements) {
            Matcher matcher = ENTRY.matcher(resourcePath);
            if (!matcher.matches()) {
                return null;
            }
            JsonNode node = json.path("entry").path(Integer.parseInt(matcher.group(1)))
                    .path("resource");
            for (String element : elements) {
                node = node.path(element);
            }
            return node.isValueNode() ? node.asText() : null;
        }

        <R extends Resource> Optional<Located<R>> first(Class<R> type) {
            return all(type).stream().findFirst();
        }

        <R extends Resource> List<Located<R>> all(Class<R> type) {
            List<Located<R>> found = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Resource resource = list.get(i).getResource();
                if (type.isInstance(resource)) {
                    found.add(new Located<>(type.cast(resource), "Bundle.entry[" + i + "].resource"));
                }
            }
            return found;
        }

        /** The entry a reference points at: by its fullUrl, or by {@code Type/id} as OpenCRVS's stored records write it. */
        <R extends Resource> Optional<Located<R>> resolve(Reference reference, Class<R> type) {
            if (reference == null || !reference.hasReference()) {
                return Optional.empty();
            }
            String target = reference.getReference();
            for (int i = 0; i < list.size(); i++) {
                Bundle.BundleEntryComponent entry = list.get(i);
                Resource resource = entry.getResource();
                if (!type.isInstance(resource)) {
                    continue;
                }
                String typeAndId = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
                String fullUrl = entry.getFullUrl();
                if (target.equals(fullUrl) || target.equals(typeAndId) || target.endsWith("/" + typeAndId)
                        || fullUrl != null && fullUrl.endsWith("/" + target)) {
                    return Optional.of(new Located<>(type.cast(resource), "Bundle.entry[" + i + "].resource"));
                }
            }
            return Optional.empty();
        }
    }

    /** The Composition's sections by their code, and the resources they point at. */
    static final class Sections {

        private final Entries entries;
        private final Located<Composition> composition;
        private final List<Problem.FieldError> errors;

        Sections(Entries entries, Located<Composition> composition, List<Problem.FieldError> errors) {
            this.entries = entries;
            this.composition = composition;
            this.errors = errors;
        }

        /** The path of a section, or of the Composition's sections when there is no such section. */
        String path(String code) {
            List<Composition.SectionComponent> sections = composition.resource().getSection();
            for (int i = 0; i < sections.size(); i++) {
                if (hasCode(sections.get(i).getCode(), code)) {
                    return composition.path() + ".section[" + i + "]";
                }
            }
            return composition.path() + ".section";
        }

        /** The Patient of a person section (OpenCRVS may record an informant or parent as a RelatedPerson's patient). */
        Optional<Located<Patient>> person(String code, boolean required) {
            return resource(code, Patient.class, required);
        }

        <R extends Resource> Optional<Located<R>> resource(String code, Class<R> type, boolean required) {
            List<Composition.SectionComponent> sections = composition.resource().getSection();
            for (int i = 0; i < sections.size(); i++) {
                Composition.SectionComponent section = sections.get(i);
                if (!hasCode(section.getCode(), code)) {
                    continue;
                }
                String path = composition.path() + ".section[" + i + "].entry[0].reference";
                Optional<Located<R>> found = section.hasEntry()
                        ? entries.resolve(section.getEntryFirstRep(), type)
                        : Optional.empty();
                if (found.isEmpty() && type == Patient.class && section.hasEntry()) {
                    found = relatedPatient(section.getEntryFirstRep(), type);
                }
                if (found.isEmpty() && required) {
                    errors.add(new Problem.FieldError(path, Refusal.RESOURCE_MISSING,
                            "points at no " + type.getSimpleName() + " in the bundle"));
                }
                return found;
            }
            if (required) {
                errors.add(new Problem.FieldError(composition.path() + ".section", Refusal.RESOURCE_MISSING,
                        "has no section " + code));
            }
            return Optional.empty();
        }

        /** A section pointing at a RelatedPerson: the person is the RelatedPerson's {@code patient}. */
        private <R extends Resource> Optional<Located<R>> relatedPatient(Reference reference, Class<R> type) {
            return entries.resolve(reference, RelatedPerson.class)
                    .flatMap(related -> entries.resolve(related.resource().getPatient(), type));
        }
    }
}
