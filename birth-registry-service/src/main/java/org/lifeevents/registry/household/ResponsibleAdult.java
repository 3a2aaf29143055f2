package org.lifeevents.registry.household;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A legal parent or guardian of a person. */
@Entity
public class ResponsibleAdult extends PanacheEntityBase {

    public static final String PARENT = "PARENT";
    public static final String GUARDIAN = "GUARDIAN";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "responsible_adult_id")
    @SequenceGenerator(name = "responsible_adult_id", sequenceName = "responsible_adult_id_seq", allocationSize = 50)
    public Long id;

    public String childId;
    public String adultId;
    public String relation;

    public static List<String> of(String childId, String relation) {
        return ResponsibleAdult.<ResponsibleAdult> list("childId = ?1 and relation = ?2 order by adultId", childId, relation)
                .stream().map(r -> r.adultId).toList();
    }

    /** The persons the adult is a legal parent (or guardian) of. */
    public static List<String> childrenOf(String adultId, String relation) {
        return ResponsibleAdult.<ResponsibleAdult> list("adultId = ?1 and relation = ?2 order by childId", adultId, relation)
                .stream().map(r -> r.childId).toList();
    }

    public static void add(String childId, String adultId, String relation) {
        ResponsibleAdult existing = find("childId = ?1 and adultId = ?2", childId, adultId).firstResult();
        if (existing == null) {
            addNew(childId, adultId, relation);
        } else if (!existing.relation.equals(relation)) {
            existing.relation = relation;
        }
    }

    /** Adds a link the caller knows is not there (a person created in this transaction has none). */
    public static void addNew(String childId, String adultId, String relation) {
        ResponsibleAdult link = new ResponsibleAdult();
        link.childId = childId;
        link.adultId = adultId;
        link.relation = relation;
        link.persist();
    }

    /** Makes the given adults the child's only adults of that relation. */
    public static void replace(String childId, String relation, Collection<String> adultIds) {
        for (ResponsibleAdult link : ResponsibleAdult.<ResponsibleAdult> list("childId = ?1 and relation = ?2", childId,
                relation)) {
            if (!adultIds.contains(link.adultId)) {
                link.delete();
            }
        }
        adultIds.forEach(adult -> add(childId, adult, relation));
    }
}
