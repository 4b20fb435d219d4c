package de.stadtlabore.events.calendar;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A revocable secret that lets a calendar application subscribe to network-internal events, until
 * it expires or its municipality stops trusting its creator's identity provider.
 */
@Entity
@Table(name = "feed_token")
public class FeedToken {

    @Id
    public UUID id;

    @Column(name = "municipality_id", nullable = false)
    public UUID municipalityId;

    @Column(nullable = false)
    public String name;

    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    /** The identity provider of the person who created it; the feed ends when it is no longer trusted. */
    @Column(name = "creator_issuer")
    public String creatorIssuer;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;
}
