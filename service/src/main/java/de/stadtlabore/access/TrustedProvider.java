package de.stadtlabore.access;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An OpenID Connect provider whose access tokens a municipality accepts. */
@Entity
@Table(name = "identity_provider")
public class TrustedProvider {

    @Id
    public UUID id;

    @Column(name = "municipality_id", nullable = false)
    public UUID municipalityId;

    /** The exact {@code iss} of its tokens. */
    @Column(nullable = false)
    public String issuer;

    /** Where discovery and keys are fetched, if not at the issuer URL. */
    @Column(name = "auth_server_url")
    public String authServerUrl;

    /** The {@code aud} its access tokens must carry. */
    @Column(nullable = false)
    public String audience;

    /** For a provider shared by several municipalities: the claim that holds the municipality's slug. */
    @Column(name = "municipality_claim")
    public String municipalityClaim;

    /** Path of the roles in the token, e.g. {@code realm_access/roles}. */
    @Column(name = "roles_claim", nullable = false)
    public String rolesClaim;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
