package de.stadtlabore.events;

import java.time.LocalDateTime;
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
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import de.stadtlabore.common.domain.Visibility;
import de.stadtlabore.labs.Lab;

/**
 * An event of the labs, single or a recurring series. Times are local to {@link #timeZone};
 * the first occurrence runs from {@link #startsLocal} to {@link #endsLocal}, and {@link #rrule}
 * (RFC 5545) repeats it.
 */
@Entity
@Table(name = "event")
public class Event {

    @Id
    public UUID id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "lead_lab_id", nullable = false)
    public Lab leadLab;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false, columnDefinition = "text")
    public String description;

    @Column(nullable = false)
    public String category;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> topics = new ArrayList<>();

    @Column(nullable = false)
    public EventFormat format;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "place_lab_id")
    public Lab placeLab;

    @Column(name = "place_address")
    public String placeAddress;

    @Column(name = "online_url")
    public String onlineUrl;

    @Column(name = "accessibility_notes", columnDefinition = "text")
    public String accessibilityNotes;

    @Column(nullable = false)
    public Visibility visibility;

    @Column(nullable = false)
    public EventStatus status;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "starts_local", nullable = false)
    public LocalDateTime startsLocal;

    @Column(name = "ends_local", nullable = false)
    public LocalDateTime endsLocal;

    public String rrule;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "timestamp[]")
    public List<LocalDateTime> exdates = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "event_organiser", joinColumns = @JoinColumn(name = "event_id"))
    public List<Organiser> organisers = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "occurrence_override", joinColumns = @JoinColumn(name = "event_id"))
    public List<OccurrenceOverride> overrides = new ArrayList<>();

    /** The project this event belongs to, if any. */
    @Column(name = "project_id")
    public UUID projectId;

    /** Seats per occurrence; null: no registration. */
    public Integer capacity;

    @Column(name = "max_seats_per_registration", nullable = false)
    public int maxSeatsPerRegistration = 4;

    /** Registration opens this many days before an occurrence; null: as soon as it is published. */
    @Column(name = "registration_opens_days_before")
    public Integer registrationOpensDaysBefore;

    @Column(name = "registration_closes_minutes_before", nullable = false)
    public int registrationClosesMinutesBefore;

    /** Bumped on every change, for calendar clients (iCalendar SEQUENCE). */
    @Column(nullable = false)
    public int sequence;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** When the last occurrence ends; kept by {@link OccurrenceIndex}, read only in queries. */
    @Column(name = "last_ends_at", insertable = false, updatable = false)
    public OffsetDateTime lastEndsAt;

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }
}
