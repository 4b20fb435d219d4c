package de.stadtlabore.projects;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import de.stadtlabore.common.domain.InvitationStatus;
import de.stadtlabore.common.domain.Visibility;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.persistence.SqlFilter;
import de.stadtlabore.labs.Lab;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Projects with their partners and links, milestones and tasks: one aggregate. */
@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    private static final String WITH_LAB = "select distinct p from Project p join fetch p.leadLab l join fetch l.municipality ";

    /** Filters of the project list; null means any. */
    public record Filter(String lab, String municipality, ProjectStatus status, String topic, String text) {
    }

    public Optional<Project> findWithDetails(UUID id) {
        Optional<Project> found = find(WITH_LAB + "left join fetch p.links where p.id = ?1", id).singleResultOptional();
        found.ifPresent(p -> withPartners(new UUID[] {id}));
        return found;
    }

    /** The project, locked until the transaction ends: writes to a project and its parts are serialised. */
    public Optional<Project> hold(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).flatMap(p -> findWithDetails(id));
    }

    /** Projects the caller may see, by title, filtered. */
    public Page<Project> search(boolean network, Filter filter, PageRequest page) {
        String accepted = "select 1 from project_partner pp join lab x on x.id = pp.lab_id"
                + " join municipality xm on xm.id = x.municipality_id where pp.project_id = p.id and pp.status = :accepted";
        // The visibility written out per kind of caller: public projects have a partial index (V13).
        String visible = network ? "true" : "p.visibility = '" + Visibility.PUBLIC.wireName() + "'";
        return SqlFilter.from("project p", "p.id", visible)
                .join("lab l on l.id = p.lead_lab_id").join("municipality m on m.id = l.municipality_id")
                .with("accepted", InvitationStatus.ACCEPTED.wireName())
                .and("l.slug = :lab or exists (" + accepted + " and x.slug = :lab)", "lab", filter.lab())
                .and("m.slug = :municipality or exists (" + accepted + " and xm.slug = :municipality)", "municipality",
                        filter.municipality())
                .and("p.status = :status", "status", filter.status() == null ? null : filter.status().wireName())
                .and("exists (select 1 from unnest(p.topics) t where lower(t) = lower(:topic))", "topic", filter.topic())
                .matching("p.search_vector", "p.title", filter.text())
                .page(getEntityManager(), "p.title, p.id", page, this::withDetails, p -> p.id);
    }

    /** Whether the lab leads the project or is an accepted partner of it. */
    public boolean isOrganisedBy(UUID project, Lab lab) {
        return getEntityManager().createQuery("select count(p) from Project p left join p.partners pa where p.id = :p"
                + " and (p.leadLab = :lab or (pa.lab = :lab and pa.status = :accepted))", Long.class)
                .setParameter("p", project).setParameter("lab", lab).setParameter("accepted", InvitationStatus.ACCEPTED)
                .getSingleResult() > 0;
    }

    public List<Milestone> milestonesOf(UUID project) {
        return getEntityManager().createQuery("select m from Milestone m where m.projectId = :p "
                + "order by m.dueOn nulls last, m.createdAt, m.id", Milestone.class).setParameter("p", project).getResultList();
    }

    public List<Task> tasksOf(UUID project) {
        return getEntityManager().createQuery("select t from Task t join fetch t.lab l join fetch l.municipality "
                + "left join fetch t.assignee where t.projectId = :p order by t.status, t.position, t.createdAt, t.id",
                Task.class).setParameter("p", project).getResultList();
    }

    /** A milestone of the project, if it has one with that id. */
    public Optional<Milestone> milestone(UUID project, UUID id) {
        return Optional.ofNullable(getEntityManager().find(Milestone.class, id)).filter(m -> m.projectId.equals(project));
    }

    /** A task of the project, if it has one with that id. */
    public Optional<Task> task(UUID project, UUID id) {
        return Optional.ofNullable(getEntityManager().find(Task.class, id)).filter(t -> t.projectId.equals(project));
    }

    /** Adds a milestone or a task. */
    public void add(Object part) {
        getEntityManager().persist(part);
    }

    private List<Project> withDetails(List<UUID> ids) {
        UUID[] byId = ids.toArray(UUID[]::new);
        List<Project> projects = find(WITH_LAB + "where array_has(?1, p.id)", (Object) byId).list();
        withPartners(byId);
        find("select distinct p from Project p left join fetch p.links where array_has(?1, p.id)", (Object) byId).list();
        return projects;
    }

    private void withPartners(UUID[] byId) {
        find("select distinct p from Project p left join fetch p.partners pa left join fetch pa.lab pl "
                + "left join fetch pl.municipality where array_has(?1, p.id)", (Object) byId).list();
    }
}
