package de.stadtlabore.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One write: who did what to which target, for which municipality, when, in which request. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    public UUID id;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "municipality_id")
    public UUID municipalityId;

    /** {@code user} or {@code api-key}. */
    @Column(name = "actor_type", nullable = false)
    public String actorType;

    /** The token's subject, or {@code api-key:<prefix>}. */
    @Column(name = "actor_subject", nullable = false)
    public String actorSubject;

    @Column(name = "actor_issuer")
    public String actorIssuer;

    /** The person's name from the token; removed when the entry is pseudonymised. */
    @Column(name = "actor_name")
    public String actorName;

    /** The person's e-mail address from the token; removed when the entry is pseudonymised. */
    @Column(name = "actor_email")
    public String actorEmail;

    @Column(name = "pseudonymised_at")
    public OffsetDateTime pseudonymisedAt;

    @Column(name = "api_key_id")
    public UUID apiKeyId;

    /** e.g. {@code lab.update}. */
    @Column(nullable = false)
    public String action;

    @Column(name = "target_type", nullable = false)
    public String targetType;

    @Column(name = "target_id", nullable = false)
    public String targetId;

    @Column(name = "request_id")
    public String requestId;
}
