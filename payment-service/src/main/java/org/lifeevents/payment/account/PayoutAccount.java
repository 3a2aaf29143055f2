package org.lifeevents.payment.account;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The account a person is paid to: given by the citizen, or the tax authority's refund account while they gave none. */
@Entity
public class PayoutAccount extends PanacheEntityBase {

    public static final String CITIZEN = "CITIZEN";
    public static final String TAX_AUTHORITY = "TAX_AUTHORITY";

    @Id
    public String personId;

    public String iban;
    public String source;
    public LocalDate since;
    public Instant updatedAt;
}
