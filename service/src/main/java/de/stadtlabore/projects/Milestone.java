package de.stadtlabore.projects;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "milestone")
public class Milestone {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public String title;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(nullable = false)
    public boolean done;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
