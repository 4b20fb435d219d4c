package de.stadtlabore.events;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import de.stadtlabore.common.domain.InvitationStatus;
import de.stadtlabore.labs.Lab;

/** A co-organising lab: invited, then accepted or declined. */
@Embeddable
public class Organiser {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "lab_id", nullable = false)
    public Lab lab;

    @Column(nullable = false)
    public InvitationStatus status;

    @Column(name = "invited_at", nullable = false)
    public OffsetDateTime invitedAt;

    @Column(name = "responded_at")
    public OffsetDateTime respondedAt;
}
