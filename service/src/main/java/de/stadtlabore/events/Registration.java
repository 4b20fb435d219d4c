package de.stadtlabore.events;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A citizen's registration for one occurrence: confirmed, on the waiting list, or cancelled. */
@Entity
@Table(name = "registration")
public class Registration {

    @Id
    public UUID id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "event_id", nullable = false)
    public Event event;

    /** The occurrence's original local start. */
    @Column(nullable = false)
    public LocalDateTime occurrence;

    @Column(name = "occurrence_ends_at", nullable = false)
    public OffsetDateTime occurrenceEndsAt;

    /** Personal data; null once erased after the retention period. */
    public String name;

    public String email;

    @Column(nullable = false)
    public int seats;

    @Column(nullable = false)
    public RegistrationStatus status;

    @Column(name = "cancel_token_hash", nullable = false)
    public String cancelTokenHash;

    @Column(name = "consent_at", nullable = false)
    public OffsetDateTime consentAt;

    /** The version of the consent text accepted ({@link ConsentTexts}). */
    @Column(name = "consent_version", nullable = false)
    public String consentVersion;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "promoted_at")
    public OffsetDateTime promotedAt;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;

    @Column(name = "cancelled_by")
    public CancelledBy cancelledBy;

    /** Marked as spam by an organiser. */
    @Column(nullable = false)
    public boolean spam;
}
