package de.stadtlabore.projects;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import de.stadtlabore.changes.Audience;
import de.stadtlabore.changes.ChangeService;
import de.stadtlabore.changes.ChangeType;
import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.access.Action;
import de.stadtlabore.access.Caller;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.access.Scope;
import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.common.domain.InvitationStatus;
import de.stadtlabore.common.domain.Lifecycle;
import de.stadtlabore.common.domain.Visibility;
import de.stadtlabore.common.http.Params;
import de.stadtlabore.common.http.RepresentationTags;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.common.time.Timestamps;
import de.stadtlabore.events.EventService;
import de.stadtlabore.events.ProjectDirectory;
import de.stadtlabore.events.dto.EventRef;
import de.stadtlabore.labs.Lab;
import de.stadtlabore.labs.LabService;

/**
 * Projects of the labs: lead and partners, lifecycle, milestones and tasks. Every write holds
 * the project until it commits, so that an {@code If-Match} check sees the state it writes over.
 */
@ApplicationScoped
public class ProjectService implements ProjectDirectory {

    @Inject
    ChangeService changes;

    @Inject
    ProjectRepository projects;

    @Inject
    LabService labs;

    @Inject
    EventService events;

    @Inject
    StaffDirectory staff;

    @Inject
    AccessPolicy policy;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditLog audit;

    @Inject
    RepresentationTags tags;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProjectDtos.ProjectView> list(String lab, String municipality, String status, String topic, String text,
            PageRequest page) {
        ProjectRepository.Filter filter = new ProjectRepository.Filter(Params.blankToNull(lab),
                Params.blankToNull(municipality), Params.oneOf("status", status, ProjectStatus.class),
                Params.blankToNull(topic), Params.blankToNull(text));
        return projects.search(isMember(), filter, page).map(ProjectMapper::summary);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProjectDtos.ProjectView get(UUID id) {
        return detail(seen(projects.findWithDetails(id).orElseThrow(() -> notFound(id))));
    }

    /** Whether the lab leads the project or is an accepted partner of it. For events. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isOrganisedBy(UUID project, Lab lab) {
        return projects.isOrganisedBy(project, lab);
    }

    @Transactional
    public ProjectDtos.ProjectView create(ProjectDtos.ProjectInput input) {
        Lab lead = labs.existing("leadLab", input.leadLab());
        policy.require(caller.get(), Action.PROJECT_MANAGE, lead.municipality.id);
        staff.seen(caller.get());
        Project p = new Project();
        p.id = UUID.randomUUID();
        p.leadLab = lead;
        p.status = ProjectStatus.IDEA;
        p.createdAt = Timestamps.now();
        apply(input, p);
        projects.persist(p);
        audit.record("project.create", "project", p.id.toString(), lead.municipality.id);
        recordProject(ChangeType.PROJECT_CREATED, p);
        return detail(p);
    }

    /** Staff of the lead lab edit the project, given the ETag of the state it writes over. */
    @Transactional
    public ProjectDtos.ProjectView update(UUID id, String ifMatch, ProjectDtos.ProjectInput input) {
        Project p = unarchived(managed(id));
        if (!input.leadLab().equals(p.leadLab.slug)) {
            throw ApiException.invalid(List.of(new Violation("leadLab", "field.lead-lab-fixed")));
        }
        Parts parts = partsOf(p); // an edit of the project itself leaves its milestones, tasks and events alone
        tags.requireMatch(ifMatch, parts.view(p));
        apply(input, p);
        audit.record("project.update", "project", p.id.toString(), p.leadLab.municipality.id);
        recordProject(ChangeType.PROJECT_CHANGED, p);
        return parts.view(p);
    }

    @Transactional
    public ProjectDtos.ProjectView changeStatus(UUID id, ProjectStatus status) {
        Project p = managed(id);
        p.status = p.status.moveTo(status);
        p.updatedAt = Timestamps.now();
        audit.record("project." + status.wireName(), "project", p.id.toString(), p.leadLab.municipality.id);
        recordProject(ChangeType.PROJECT_STATUS_CHANGED, p);
        return detail(p);
    }

    @Transactional
    public ProjectDtos.ProjectView invite(UUID id, String labSlug) {
        Project p = unarchived(managed(id));
        Lab lab = labs.existing("lab", labSlug);
        if (lab.id.equals(p.leadLab.id) || p.partners.stream().anyMatch(x -> x.lab.id.equals(lab.id))) {
            throw new ApiException(ProblemType.CONFLICT, "detail.already-partner", lab.slug);
        }
        Project.Partner partner = new Project.Partner();
        partner.lab = lab;
        partner.status = InvitationStatus.INVITED;
        partner.invitedAt = Timestamps.now();
        p.partners.add(partner);
        p.updatedAt = Timestamps.now();
        audit.record("project.invite", "project", p.id.toString(), p.leadLab.municipality.id);
        audit.record("project.invite", "project", p.id.toString(), lab.municipality.id);
        recordProject(ChangeType.PROJECT_CHANGED, p);
        return detail(p);
    }

    /** The invited lab's municipality accepts or declines. */
    @Transactional
    public ProjectDtos.ProjectView answer(UUID id, String labSlug, InvitationStatus answer) {
        Lifecycle.reachable("status", answer);
        Project p = projects.hold(id).orElseThrow(() -> notFound(id));
        Project.Partner partner = p.partners.stream().filter(x -> x.lab.slug.equals(labSlug)).findFirst()
                .orElseThrow(() -> ApiException.notFound("detail.invitation-not-found", labSlug));
        policy.require(caller.get(), Action.PROJECT_INVITATION_ANSWER, partner.lab.municipality.id);
        partner.status = partner.status.moveTo(answer);
        partner.respondedAt = Timestamps.now();
        p.updatedAt = Timestamps.now();
        audit.record("project.invitation-" + answer.wireName(), "project", p.id.toString(), partner.lab.municipality.id);
        recordProject(ChangeType.PROJECT_CHANGED, p);
        return detail(p);
    }

    @Transactional
    public ProjectDtos.MilestoneView addMilestone(UUID id, ProjectDtos.MilestoneInput input) {
        Project p = workable(id);
        Milestone m = new Milestone();
        m.id = UUID.randomUUID();
        m.projectId = p.id;
        m.createdAt = Timestamps.now();
        apply(input, m);
        projects.add(m);
        audit.record("project.milestone-create", "project", p.id.toString(), p.leadLab.municipality.id);
        recordMilestone(ChangeType.MILESTONE_CREATED, p, m);
        return ProjectMapper.milestone(m);
    }

    @Transactional
    public ProjectDtos.MilestoneView updateMilestone(UUID id, UUID milestoneId, ProjectDtos.MilestoneInput input) {
        Project p = workable(id);
        Milestone m = projects.milestone(p.id, milestoneId)
                .orElseThrow(() -> ApiException.notFound("detail.milestone-not-found", milestoneId));
        apply(input, m);
        audit.record("project.milestone-update", "project", p.id.toString(), p.leadLab.municipality.id);
        recordMilestone(ChangeType.MILESTONE_CHANGED, p, m);
        return ProjectMapper.milestone(m);
    }

    @Transactional
    public ProjectDtos.TaskView addTask(UUID id, ProjectDtos.TaskInput input) {
        Project p = workable(id);
        Task t = new Task();
        t.id = UUID.randomUUID();
        t.projectId = p.id;
        t.createdAt = Timestamps.now();
        apply(p, input, t);
        projects.add(t);
        audit.record("project.task-create", "project", p.id.toString(), p.leadLab.municipality.id);
        recordTask(ChangeType.TASK_CREATED, p, t);
        return ProjectMapper.task(t);
    }

    @Transactional
    public ProjectDtos.TaskView updateTask(UUID id, UUID taskId, ProjectDtos.TaskInput input) {
        Project p = workable(id);
        Task t = projects.task(p.id, taskId).orElseThrow(() -> ApiException.notFound("detail.task-not-found", taskId));
        apply(p, input, t);
        audit.record("project.task-update", "project", p.id.toString(), p.leadLab.municipality.id);
        recordTask(ChangeType.TASK_CHANGED, p, t);
        return ProjectMapper.task(t);
    }

    /** Deletes a milestone that is not done; a reached milestone is part of the project's history (409). */
    @Transactional
    public void deleteMilestone(UUID id, UUID milestoneId) {
        Project p = workable(id);
        Milestone m = projects.milestone(p.id, milestoneId)
                .orElseThrow(() -> ApiException.notFound("detail.milestone-not-found", milestoneId));
        if (m.done) {
            throw new ApiException(ProblemType.CONFLICT, "detail.milestone-done");
        }
        recordMilestone(ChangeType.MILESTONE_DELETED, p, m);
        projects.getEntityManager().remove(m);
        audit.record("project.milestone-delete", "project", p.id.toString(), p.leadLab.municipality.id);
    }

    /** Deletes a task that is not done; finished work is part of the project's history (409). */
    @Transactional
    public void deleteTask(UUID id, UUID taskId) {
        Project p = workable(id);
        Task t = projects.task(p.id, taskId).orElseThrow(() -> ApiException.notFound("detail.task-not-found", taskId));
        if (t.status == TaskStatus.DONE) {
            throw new ApiException(ProblemType.CONFLICT, "detail.task-done");
        }
        recordTask(ChangeType.TASK_DELETED, p, t);
        projects.getEntityManager().remove(t);
        audit.record("project.task-delete", "project", p.id.toString(), p.leadLab.municipality.id);
    }

    /** The people tasks can be assigned to: staff of the lead and accepted partner labs' municipalities. */
    @Transactional
    public List<ProjectDtos.StaffView> team(UUID id) {
        Project p = workingOn(seen(projects.findWithDetails(id).orElseThrow(() -> notFound(id))));
        return staff.ofMunicipalities(organising(p)).stream()
                .map(s -> ProjectDtos.StaffView.of(s, null)).toList();
    }

    /** The detail view as the caller sees it: tasks only for members of the network. */
    private ProjectDtos.ProjectView detail(Project p) {
        return partsOf(p).view(p);
    }

    private Parts partsOf(Project p) {
        return new Parts(projects.milestonesOf(p.id), isMember() ? projects.tasksOf(p.id) : null, events.ofProject(p.id));
    }

    /** What the detail view shows beside the project's own fields; tasks are null for the public. */
    private record Parts(List<Milestone> milestones, List<Task> tasks, List<EventRef> events) {
        ProjectDtos.ProjectView view(Project p) {
            return ProjectMapper.view(p, milestones, tasks, events);
        }
    }

    /** Whether the caller sees network projects and the internal parts (tasks): members of the network. */
    private boolean isMember() {
        return policy.isNetworkMember(caller.get(), Scope.PROJECTS_READ);
    }

    /** A project the caller may see; network projects do not exist for the public (404). */
    private Project seen(Project p) {
        if (p.visibility != Visibility.PUBLIC && !isMember()) {
            throw notFound(p.id);
        }
        return p;
    }

    /** The project, held until the transaction ends; see the class comment. */
    private Project held(UUID id) {
        return seen(projects.hold(id).orElseThrow(() -> notFound(id)));
    }

    /** A held project that the caller manages: staff of the lead lab's municipality (or its keys). */
    private Project managed(UUID id) {
        Project p = held(id);
        policy.require(caller.get(), Action.PROJECT_MANAGE, p.leadLab.municipality.id);
        return p;
    }

    /** A held project the caller works on; see {@link #workingOn}. */
    private Project workable(UUID id) {
        return unarchived(workingOn(held(id)));
    }

    /** An archived project is kept as it is. */
    private static Project unarchived(Project p) {
        if (p.status == ProjectStatus.ARCHIVED) {
            throw new ApiException(ProblemType.CONFLICT, "detail.project-archived");
        }
        return p;
    }

    /** Staff of the lead or an accepted partner lab's municipality (or their keys) work on a project. */
    private Project workingOn(Project p) {
        Caller c = caller.get();
        if (!policy.actsForAny(c, Action.PROJECT_WORK, organising(p).toArray(UUID[]::new))) {
            policy.require(c, Action.PROJECT_WORK, p.leadLab.municipality.id);
        }
        staff.seen(c);
        return p;
    }

    private static Set<UUID> organising(Project p) {
        Set<UUID> municipalities = new LinkedHashSet<>();
        municipalities.add(p.leadLab.municipality.id);
        p.partners.stream().filter(x -> x.status == InvitationStatus.ACCEPTED)
                .forEach(x -> municipalities.add(x.lab.municipality.id));
        return municipalities;
    }

    private void apply(Project p, ProjectDtos.TaskInput input, Task t) {
        List<Violation> violations = new ArrayList<>();
        Lab lab = labs.find(input.lab()).orElse(null);
        boolean partner = lab != null && Stream.concat(Stream.of(p.leadLab), p.partners.stream()
                .filter(x -> x.status == InvitationStatus.ACCEPTED).map(x -> x.lab)).anyMatch(l -> l.id.equals(lab.id));
        if (!partner) {
            violations.add(new Violation("lab", "field.not-a-partner"));
        }
        StaffMember assignee = staff.find(input.assignee());
        // A former staff member keeps the tasks they had, but gets no new ones.
        boolean formerAndNew = assignee != null && assignee.removedAt != null
                && (t.assignee == null || !t.assignee.id.equals(assignee.id));
        if (input.assignee() != null && (assignee == null || formerAndNew || lab == null
                || !assignee.municipalityId.equals(lab.municipality.id))) {
            violations.add(new Violation("assignee", "field.unknown-assignee"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        t.lab = lab;
        t.title = input.title().strip();
        t.description = input.description() == null ? "" : input.description().strip();
        t.status = input.status() == null ? TaskStatus.TODO : input.status();
        t.assignee = assignee;
        t.dueOn = input.dueOn();
        t.position = input.position() == null ? 0 : input.position();
        t.updatedAt = Timestamps.now();
    }

    private static void apply(ProjectDtos.MilestoneInput input, Milestone m) {
        m.title = input.title().strip();
        m.dueOn = input.dueOn();
        m.done = Boolean.TRUE.equals(input.done());
    }

    private void apply(ProjectDtos.ProjectInput input, Project p) {
        if (input.startsOn() != null && input.endsOn() != null && input.endsOn().isBefore(input.startsOn())) {
            throw ApiException.invalid(List.of(new Violation("endsOn", "field.end-after-start")));
        }
        p.title = input.title().strip();
        p.summary = input.summary() == null ? "" : input.summary().strip();
        p.description = input.description() == null ? "" : input.description().strip();
        p.topics = input.topics() == null ? new ArrayList<>() : new ArrayList<>(input.topics());
        p.startsOn = input.startsOn();
        p.endsOn = input.endsOn();
        p.visibility = input.visibility();
        p.links.clear();
        if (input.links() != null) {
            for (ProjectDtos.LinkDto link : input.links()) {
                Project.Link l = new Project.Link();
                l.label = link.label().strip();
                l.url = link.url();
                p.links.add(l);
            }
        }
        p.updatedAt = Timestamps.now();
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("detail.project-not-found", id);
    }

    /** Projects, milestones and tasks in the change feed, with the project's reach; never who is assigned. */
    private void recordProject(ChangeType type, Project p) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", p.id);
        data.put("title", p.title);
        data.put("status", p.status);
        data.put("visibility", p.visibility);
        data.put("leadLab", p.leadLab.slug);
        changes.record(type, audience(p), data);
    }

    private void recordMilestone(ChangeType type, Project p, Milestone m) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("project", p.id);
        data.put("id", m.id);
        data.put("title", m.title);
        data.put("dueOn", m.dueOn);
        data.put("done", m.done);
        changes.record(type, audience(p), data);
    }

    private void recordTask(ChangeType type, Project p, Task t) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("project", p.id);
        data.put("id", t.id);
        data.put("title", t.title);
        data.put("status", t.status);
        data.put("lab", t.lab == null ? null : t.lab.slug);
        data.put("dueOn", t.dueOn);
        changes.record(type, audience(p), data);
    }

    private static Audience audience(Project p) {
        return p.visibility == Visibility.PUBLIC ? Audience.everyone() : Audience.network();
    }
}
