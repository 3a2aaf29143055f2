package org.lifeevents.payment.account;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The refund account the tax authority has on record for a person (null IBAN: the record was withdrawn). */
@Entity
public class TaxRefundAccount extends PanacheEntityBase {

    @Id
    public String personId;

    public String iban;
    public LocalDate recordedOn;
    public Instant updatedAt;
}
