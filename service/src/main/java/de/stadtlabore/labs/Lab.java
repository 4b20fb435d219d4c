package de.stadtlabore.labs;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import de.stadtlabore.municipalities.Municipality;

/** A physical urban lab run by one municipality. */
@Entity
@Table(name = "lab")
public class Lab {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String slug;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "municipality_id", nullable = false)
    public Municipality municipality;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, columnDefinition = "text")
    public String description;

    @Column(nullable = false)
    public String street;

    @Column(name = "postal_code", nullable = false)
    public String postalCode;

    @Column(nullable = false)
    public String city;

    @Column(nullable = false)
    public double latitude;

    @Column(nullable = false)
    public double longitude;

    public String email;

    public String phone;

    public String website;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> topics = new ArrayList<>();

    @Column(name = "step_free_access", nullable = false)
    public boolean stepFreeAccess;

    @Column(name = "hearing_loop", nullable = false)
    public boolean hearingLoop;

    @Column(name = "accessible_toilet", nullable = false)
    public boolean accessibleToilet;

    @Column(name = "accessibility_notes", columnDefinition = "text")
    public String accessibilityNotes;

    /**
     * Loaded for all labs of a page at once, by one query for the hours alone (not a row per hour
     * and lab), by the labs' ids through the primary key (a subselect fetch read every lab's hours).
     */
    @ElementCollection
    @BatchSize(size = 100)
    @CollectionTable(name = "lab_opening_hours", joinColumns = @JoinColumn(name = "lab_id"))
    @OrderBy("weekday, opens")
    public List<OpeningHours> openingHours = new ArrayList<>();

    @Column(name = "opening_hours_notes", columnDefinition = "text")
    public String openingHoursNotes;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
