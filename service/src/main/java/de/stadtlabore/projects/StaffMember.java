package de.stadtlabore.projects;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person of a member municipality, as seen in their tokens: someone tasks can be assigned to. */
@Entity
@Table(name = "staff_member")
public class StaffMember {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String issuer;

    @Column(nullable = false)
    public String subject;

    @Column(name = "municipality_id", nullable = false)
    public UUID municipalityId;

    /** Null once a lab admin removed the person. */
    public String name;

    public String email;

    /** When a lab admin removed the person (they left); then name and e-mail are gone. */
    @Column(name = "removed_at")
    public OffsetDateTime removedAt;

    @Column(name = "last_seen_at", nullable = false)
    public OffsetDateTime lastSeenAt;
}
