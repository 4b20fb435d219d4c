package de.stadtlabore.purchases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import de.stadtlabore.labs.Lab;

/** A purchase a lab proposes to the network before buying. */
@Entity
@Table(name = "purchase_proposal")
public class PurchaseProposal {

    @Id
    public UUID id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "lab_id", nullable = false)
    public Lab lab;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false, columnDefinition = "text")
    public String description;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "estimated_cost", nullable = false)
    public BigDecimal estimatedCost;

    @Column(nullable = false, columnDefinition = "bpchar(3)")
    public String currency;

    @Column(nullable = false, columnDefinition = "text")
    public String justification;

    @Column(name = "decision_deadline", nullable = false)
    public LocalDate decisionDeadline;

    /** open → agreed → ordered → received, or rejected / withdrawn. */
    @Column(nullable = false)
    public ProposalStatus status;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "proposal", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("createdAt, id")
    public List<Pledge> pledges = new ArrayList<>();
}
