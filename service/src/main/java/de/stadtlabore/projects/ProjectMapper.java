package de.stadtlabore.projects;

import java.util.List;

import de.stadtlabore.events.dto.EventRef;
import de.stadtlabore.labs.dto.LabRef;

/** Projects → representations. */
final class ProjectMapper {

    private ProjectMapper() {
    }

    static ProjectDtos.TaskView task(Task t) {
        return new ProjectDtos.TaskView(t.id, LabRef.of(t.lab), t.title, t.description, t.status,
                t.assignee == null ? null : ProjectDtos.StaffView.of(t.assignee, t.lab.municipality.slug),
                t.dueOn, t.position, t.updatedAt);
    }

    static ProjectDtos.MilestoneView milestone(Milestone m) {
        return new ProjectDtos.MilestoneView(m.id, m.title, m.dueOn, m.done);
    }

    /** A project in a list: without milestones, tasks and events. */
    static ProjectDtos.ProjectView summary(Project p) {
        return view(p, null, null, null);
    }

    /** A project; milestones, tasks and events only when given (the detail view). */
    static ProjectDtos.ProjectView view(Project p, List<Milestone> milestones, List<Task> tasks, List<EventRef> events) {
        return new ProjectDtos.ProjectView(p.id, LabRef.of(p.leadLab), p.title, p.summary, p.description, p.topics, p.startsOn,
                p.endsOn, p.visibility, p.status,
                p.partners.stream().map(x -> new ProjectDtos.PartnerView(LabRef.of(x.lab), x.status)).toList(),
                p.links.stream().map(l -> new ProjectDtos.LinkDto(l.label, l.url)).toList(),
                milestones == null ? null : milestones.stream().map(ProjectMapper::milestone).toList(),
                tasks == null ? null : tasks.stream().map(ProjectMapper::task).toList(),
                events, p.createdAt, p.updatedAt);
    }
}
