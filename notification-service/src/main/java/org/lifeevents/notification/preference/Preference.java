package org.lifeevents.notification.preference;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A citizen's choices for their notices; a citizen who chose nothing reads English, in the portal only. */
@Entity
@Table(name = "notice_preference")
public class Preference extends PanacheEntityBase {

    @Id
    public String personId;
    public String language;
    public String email;
    public Instant emailVerifiedAt;
    public String verificationToken;
    public Instant verificationExpiresAt;
    public boolean emailEnabled;
    public Instant updatedAt;
}
