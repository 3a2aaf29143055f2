package org.lifeevents.registry.household;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A legal parent or guardian of a person. */
@Entity
public class ResponsibleAdult extends PanacheEntityBase {

    public static final String PARENT = "PARENT";
    public static final String GUARDIAN = "GUARDIAN";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String childId;
    public String adultId;
    public String relation;

    public static List<String> of(String childId, String relation) {
        return ResponsibleAdult.<ResponsibleAdult> list("childId = ?1 and relation = ?2 order by adultId", childId, relation)
                .stream().map(r -> r.adultId).toList();
    }

    public static void add(String childId, String adultId, String relation) {
        if (count("childId = ?1 and adultId = ?2", childId, adultId) == 0) {
            ResponsibleAdult link = new ResponsibleAdult();
            link.childId = childId;
            link.adultId = adultId;
            link.relation = relation;
            link.persist();
        }
    }
}
