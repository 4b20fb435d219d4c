package de.stadtlabore.projects;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import de.stadtlabore.common.http.Params;
import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.access.Action;
import de.stadtlabore.access.Caller;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.access.Scope;
import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.common.http.RepresentationTags;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.common.time.Timestamps;
import de.stadtlabore.labs.Lab;
import de.stadtlabore.labs.LabRepository;
import de.stadtlabore.labs.LabService;

/** Projects of the labs: lead and partners, lifecycle, milestones and tasks. */
@ApplicationScoped
public class ProjectService {

    static final Map<String, Set<String>> TRANSITIONS = Map.of(
            "idea", Set.of("planned", "cancelled"),
            "planned", Set.of("active", "cancelled"),
            "active", Set.of("paused", "completed", "cancelled"),
            "paused", Set.of("active", "cancelled"));

    @Inject
    ProjectRepository projects;

    @Inject
    LabRepository labs;

    @Inject
    LabService labService;

    @Inject
    StaffDirectory staff;

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy policy;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditLog audit;

    @Inject
    RepresentationTags tags;

    @Transactional
    public Page<Project> list(String lab, String municipality, String status, String topic, String text,
            PageRequest page) {
        return projects.search(policy.isNetworkMember(caller.get(), Scope.PROJECTS_READ), Params.blankToNull(lab),
                Params.blankToNull(municipality), Params.blankToNull(status), Params.blankToNull(topic), Params.blankToNull(text), page);
    }

    /** A project the caller may see; network projects do not exist for the public (404). */
    @Transactional
    public Project get(UUID id) {
        Project p = projects.findWithDetails(id).orElseThrow(() -> ApiException.notFound("detail.project-not-found", id));
        if (!"public".equals(p.visibility) && !isMember()) {
            throw ApiException.notFound("detail.project-not-found", id);
        }
        return p;
    }

    /** Whether the caller sees internal parts (tasks): members of the network. */
    public boolean isMember() {
        return policy.isNetworkMember(caller.get(), Scope.PROJECTS_READ);
    }

    @Transactional
    public List<Milestone> milestones(UUID project) {
        return em.createQuery("select m from Milestone m where m.projectId = :p order by m.dueOn nulls last, m.createdAt, m.id",
                Milestone.class).setParameter("p", project).getResultList();
    }

    @Transactional
    public List<Task> tasks(UUID project) {
        return em.createQuery("select t from Task t join fetch t.lab l join fetch l.municipality left join fetch t.assignee "
                + "where t.projectId = :p order by t.status, t.position, t.createdAt, t.id", Task.class)
                .setParameter("p", project).getResultList();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Object[]> events(UUID project) {
        return em.createNativeQuery("select id, title, starts_local, time_zone from event where project_id = :p "
                + "and (visibility = 'public' or :network) order by starts_local, id")
                .setParameter("p", project).setParameter("network", isMember()).getResultList();
    }

    @Transactional
    public Project create(ProjectDtos.ProjectInput input) {
        Lab lead = labService.existing("leadLab", input.leadLab());
        policy.require(caller.get(), Action.PROJECT_MANAGE, lead.municipality.id);
        staff.seen(caller.get());
        Project p = new Project();
        p.id = UUID.randomUUID();
        p.leadLab = lead;
        p.status = "idea";
        p.createdAt = Timestamps.now();
        apply(input, p);
        projects.persist(p);
        audit.record("project.create", "project", p.id.toString(), lead.municipality.id);
        return p;
    }

    /**
     * Staff of the lead lab edit the project, given its ETag. The check runs in the writing
     * transaction, against the state it writes over: the project is held until the commit.
     */
    @Transactional
    public Project update(UUID id, String ifMatch, ProjectDtos.ProjectInput input) {
        Project p = held(id);
        policy.require(caller.get(), Action.PROJECT_MANAGE, p.leadLab.municipality.id);
        if (!input.leadLab().equals(p.leadLab.slug)) {
            throw ApiException.invalid(List.of(new Violation("leadLab", "field.lead-lab-fixed")));
        }
        tags.requireMatch(ifMatch, detail(p));
        apply(input, p);
        audit.record("project.update", "project", p.id.toString(), p.leadLab.municipality.id);
        return p;
    }

    @Transactional
    public Project changeStatus(UUID id, String status) {
        Project p = get(id);
        policy.require(caller.get(), Action.PROJECT_MANAGE, p.leadLab.municipality.id);
        if (!TRANSITIONS.getOrDefault(p.status, Set.of()).contains(status)) {
            throw new ApiException(ProblemType.CONFLICT, "detail.invalid-project-transition", p.status, status);
        }
        p.status = status;
        p.updatedAt = Timestamps.now();
        audit.record("project." + status, "project", p.id.toString(), p.leadLab.municipality.id);
        return p;
    }

    @Transactional
    public Project invite(UUID id, String labSlug) {
        Project p = get(id);
        policy.require(caller.get(), Action.PROJECT_MANAGE, p.leadLab.municipality.id);
        Lab lab = labService.existing("lab", labSlug);
        if (lab.id.equals(p.leadLab.id) || p.partners.stream().anyMatch(x -> x.lab.id.equals(lab.id))) {
            throw new ApiException(ProblemType.CONFLICT, "detail.already-partner", lab.slug);
        }
        Project.Partner partner = new Project.Partner();
        partner.lab = lab;
        partner.status = "invited";
        partner.invitedAt = Timestamps.now();
        p.partners.add(partner);
        p.updatedAt = Timestamps.now();
        audit.record("project.invite", "project", p.id.toString(), p.leadLab.municipality.id);
        audit.record("project.invite", "project", p.id.toString(), lab.municipality.id);
        return p;
    }

    @Transactional
    public Project answer(UUID id, String labSlug, String status) {
        Project p = projects.findWithDetails(id).orElseThrow(() -> ApiException.notFound("detail.project-not-found", id));
        Project.Partner partner = p.partners.stream().filter(x -> x.lab.slug.equals(labSlug)).findFirst()
                .orElseThrow(() -> ApiException.notFound("detail.invitation-not-found", labSlug));
        policy.require(caller.get(), Action.PROJECT_INVITATION_ANSWER, partner.lab.municipality.id);
        if (!"invited".equals(partner.status)) {
            throw new ApiException(ProblemType.CONFLICT, "detail.invitation-answered", partner.status);
        }
        partner.status = status;
        partner.respondedAt = Timestamps.now();
        p.updatedAt = Timestamps.now();
        audit.record("project.invitation-" + status, "project", p.id.toString(), partner.lab.municipality.id);
        return p;
    }

    @Transactional
    public Milestone addMilestone(UUID id, ProjectDtos.MilestoneInput input) {
        Project p = workable(id);
        Milestone m = new Milestone();
        m.id = UUID.randomUUID();
        m.projectId = p.id;
        m.createdAt = Timestamps.now();
        apply(input, m);
        em.persist(m);
        audit.record("project.milestone-create", "project", p.id.toString(), p.leadLab.municipality.id);
        return m;
    }

    @Transactional
    public Milestone updateMilestone(UUID id, UUID milestoneId, ProjectDtos.MilestoneInput input) {
        Project p = workable(id);
        Milestone m = em.find(Milestone.class, milestoneId);
        if (m == null || !m.projectId.equals(p.id)) {
            throw ApiException.notFound("detail.milestone-not-found", milestoneId);
        }
        apply(input, m);
        audit.record("project.milestone-update", "project", p.id.toString(), p.leadLab.municipality.id);
        return m;
    }

    @Transactional
    public Task addTask(UUID id, ProjectDtos.TaskInput input) {
        Project p = workable(id);
        Task t = new Task();
        t.id = UUID.randomUUID();
        t.projectId = p.id;
        t.createdAt = Timestamps.now();
        apply(p, input, t);
        em.persist(t);
        audit.record("project.task-create", "project", p.id.toString(), p.leadLab.municipality.id);
        return t;
    }

    @Transactional
    public Task updateTask(UUID id, UUID taskId, ProjectDtos.TaskInput input) {
        Project p = workable(id);
        Task t = em.find(Task.class, taskId);
        if (t == null || !t.projectId.equals(p.id)) {
            throw ApiException.notFound("detail.task-not-found", taskId);
        }
        apply(p, input, t);
        audit.record("project.task-update", "project", p.id.toString(), p.leadLab.municipality.id);
        return t;
    }

    /** The people tasks can be assigned to: staff of the lead and accepted partner labs' municipalities. */
    @Transactional
    public List<StaffMember> team(UUID id) {
        Project p = workable(id);
        return staff.ofMunicipalities(organising(p));
    }

    /** The project, locked until the transaction ends: writes to one project and its parts are serialised. */
    private Project held(UUID id) {
        projects.findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        return get(id);
    }

    /** The detail view, as the caller sees it. */
    public ProjectDtos.ProjectView detail(Project p) {
        return ProjectMapper.view(p, milestones(p.id), isMember() ? tasks(p.id) : null, events(p.id));
    }

    /** Staff of the lead or an accepted partner lab's municipality (or their keys) may work on it. */
    private Project workable(UUID id) {
        Project p = held(id);
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
        p.partners.stream().filter(x -> "accepted".equals(x.status)).forEach(x -> municipalities.add(x.lab.municipality.id));
        return municipalities;
    }

    private void apply(Project p, ProjectDtos.TaskInput input, Task t) {
        List<Violation> violations = new ArrayList<>();
        Lab lab = labs.findBySlug(input.lab()).orElse(null);
        boolean partner = lab != null && Stream.concat(Stream.of(p.leadLab), p.partners.stream()
                .filter(x -> "accepted".equals(x.status)).map(x -> x.lab)).anyMatch(l -> l.id.equals(lab.id));
        if (!partner) {
            violations.add(new Violation("lab", "field.not-a-partner"));
        }
        StaffMember assignee = staff.find(input.assignee());
        if (input.assignee() != null && (assignee == null || lab == null
                || !assignee.municipalityId.equals(lab.municipality.id))) {
            violations.add(new Violation("assignee", "field.unknown-assignee"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        t.lab = lab;
        t.title = input.title().strip();
        t.description = input.description() == null ? "" : input.description().strip();
        t.status = input.status() == null ? "todo" : input.status();
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


}
