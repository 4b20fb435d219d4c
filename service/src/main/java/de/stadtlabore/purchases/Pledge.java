package de.stadtlabore.purchases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import de.stadtlabore.labs.Lab;

/** A lab's interest in a proposal, or its pledge of money and/or units. One per lab. */
@Entity
@Table(name = "purchase_pledge")
public class Pledge {

    @Id
    public UUID id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "proposal_id", nullable = false)
    public PurchaseProposal proposal;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "lab_id", nullable = false)
    public Lab lab;

    /** {@code interest} or {@code pledge}. */
    @Column(nullable = false)
    public PledgeKind kind;

    public BigDecimal amount;

    public Integer quantity;

    @Column(columnDefinition = "text")
    public String comment;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
