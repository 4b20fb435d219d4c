package de.stadtlabore.projects;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import de.stadtlabore.common.domain.InvitationStatus;
import de.stadtlabore.common.domain.Visibility;
import de.stadtlabore.events.dto.EventRef;
import de.stadtlabore.labs.dto.LabRef;

/** Requests and representations of projects. */
public final class ProjectDtos {

    private ProjectDtos() {
    }

    public record LinkDto(@NotBlank @Size(max = 200) String label,
            @NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "{stadtlabore.http-link}") String url) {
    }

    public record ProjectInput(
            @NotBlank @Size(max = 80) String leadLab,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 1000) String summary,
            @Size(max = 20000) String description,
            @Size(max = 20) List<@NotBlank @Size(max = 60) String> topics,
            LocalDate startsOn,
            LocalDate endsOn,
            @NotNull Visibility visibility,
            @Size(max = 20) List<@NotNull @Valid LinkDto> links) {
    }

    public record StatusChange(@NotNull ProjectStatus status) {
    }

    public record PartnerInvitation(@NotBlank @Size(max = 80) String lab) {
    }

    public record PartnerAnswer(@NotNull InvitationStatus status) {
    }

    public record MilestoneInput(@NotBlank @Size(max = 200) String title, LocalDate dueOn, Boolean done) {
    }

    public record TaskInput(
            @NotBlank @Size(max = 80) String lab,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 10000) String description,
            TaskStatus status,
            UUID assignee,
            LocalDate dueOn,
            @Min(0) @Max(100000) Integer position) {
    }

    /** Someone tasks are assigned to; {@code former} (name absent) once a lab admin removed them. */
    public record StaffView(UUID id, String name, String municipality, Boolean former) {

        public static StaffView of(StaffMember s, String municipality) {
            return s.removedAt == null ? new StaffView(s.id, s.name, municipality, null)
                    : new StaffView(s.id, null, municipality, Boolean.TRUE);
        }
    }

    /** An entry of a municipality's team directory, for its own people. */
    public record DirectoryEntry(UUID id, String name, String email, OffsetDateTime lastSeenAt) {
    }

    public record MilestoneView(UUID id, String title, LocalDate dueOn, boolean done) {
    }

    public record TaskView(UUID id, LabRef lab, String title, String description, TaskStatus status, StaffView assignee,
            LocalDate dueOn, int position, OffsetDateTime updatedAt) {
    }

    public record PartnerView(LabRef lab, InvitationStatus status) {
    }

    /**
     * A project; {@code milestones}, {@code tasks} and {@code events} only in the detail view, and
     * {@code tasks} only for members of the network.
     */
    public record ProjectView(UUID id, LabRef leadLab, String title, String summary, String description,
            List<String> topics, LocalDate startsOn, LocalDate endsOn, Visibility visibility, ProjectStatus status,
            List<PartnerView> partners, List<LinkDto> links, List<MilestoneView> milestones, List<TaskView> tasks,
            List<EventRef> events, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }
}
