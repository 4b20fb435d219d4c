package de.stadtlabore.privacy;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A citizen asked what the network holds about an e-mail address. The address is kept until the
 * link expires; the link's secret only as a hash.
 */
@Entity
@Table(name = "privacy_request")
public class PrivacyRequest {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String email;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "exported_at")
    public OffsetDateTime exportedAt;

    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;
}
