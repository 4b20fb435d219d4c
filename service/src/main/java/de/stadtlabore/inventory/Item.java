package de.stadtlabore.inventory;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import de.stadtlabore.labs.Lab;

/** A piece of equipment owned by a lab, possibly lent to other labs of the network. */
@Entity
@Table(name = "item")
public class Item {

    @Id
    public UUID id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "lab_id", nullable = false)
    public Lab lab;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, columnDefinition = "text")
    public String description;

    @Column(nullable = false)
    public String category;

    @Column(name = "inventory_number", nullable = false)
    public String inventoryNumber;

    @Column(nullable = false)
    public Condition condition;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> accessories = new ArrayList<>();

    @Column(name = "replacement_value")
    public BigDecimal replacementValue;

    @Column(nullable = false, columnDefinition = "bpchar(3)")
    public String currency;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> photos = new ArrayList<>();

    /** {@code lab}: only the owning municipality; {@code network}: every member lab may borrow it. */
    @Column(nullable = false)
    public Sharing sharing;

    /** Shown to the public, e.g. to tell citizens what a lab offers. */
    @Column(name = "public", nullable = false)
    public boolean publiclyVisible;

    /** {@code available}, {@code maintenance} or {@code retired}. */
    @Column(nullable = false)
    public ItemStatus status;

    @Column(name = "max_loan_days", nullable = false)
    public int maxLoanDays;

    @Column(name = "min_notice_hours", nullable = false)
    public int minNoticeHours;

    public BigDecimal deposit;

    @Column(name = "briefing_required", nullable = false)
    public boolean briefingRequired;

    @Column(name = "pickup_notes", columnDefinition = "text")
    public String pickupNotes;

    /** The purchase proposal this item was bought through, if any. */
    @Column(name = "purchase_id")
    public UUID purchaseId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public UUID ownerMunicipalityId() {
        return lab.municipality.id;
    }

    public boolean isNetworkShared() {
        return sharing == Sharing.NETWORK;
    }
}
