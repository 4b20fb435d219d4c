package de.stadtlabore.projects;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import de.stadtlabore.common.domain.InvitationStatus;
import de.stadtlabore.common.domain.Visibility;
import de.stadtlabore.labs.Lab;

/** A project of the labs: a lead lab, partner labs, a lifecycle, milestones and tasks. */
@Entity
@Table(name = "project")
public class Project {

    @Id
    public UUID id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "lead_lab_id", nullable = false)
    public Lab leadLab;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String summary;

    @Column(nullable = false, columnDefinition = "text")
    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> topics = new ArrayList<>();

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(nullable = false)
    public Visibility visibility;

    @Column(nullable = false)
    public ProjectStatus status;

    @ElementCollection
    @CollectionTable(name = "project_partner", joinColumns = @JoinColumn(name = "project_id"))
    @jakarta.persistence.OrderBy("invitedAt")
    public List<Partner> partners = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "project_link", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    public List<Link> links = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** A partner lab: invited, then accepted or declined. */
    @Embeddable
    public static class Partner {

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

    /** A link to the whiteboard, documents or website. */
    @Embeddable
    public static class Link {

        @Column(nullable = false)
        public String label;

        @Column(nullable = false)
        public String url;
    }
}
