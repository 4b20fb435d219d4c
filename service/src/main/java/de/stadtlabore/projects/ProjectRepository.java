package de.stadtlabore.projects;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    private static final String WITH_LAB = "select distinct p from Project p join fetch p.leadLab l join fetch l.municipality ";

    public Optional<Project> findWithDetails(UUID id) {
        Optional<Project> found = find(WITH_LAB + "left join fetch p.links where p.id = ?1", id).firstResultOptional();
        found.ifPresent(p -> find("select distinct p from Project p left join fetch p.partners pa "
                + "left join fetch pa.lab pl left join fetch pl.municipality where p.id = ?1", id).firstResult());
        return found;
    }

    /** Projects the caller may see, by title, filtered; null filters mean any. */
    @SuppressWarnings("unchecked")
    public Page<Project> search(boolean network, String lab, String municipality, String status, String topic,
            String text, PageRequest page) {
        StringBuilder where = new StringBuilder(" from project p join lab l on l.id = p.lead_lab_id"
                + " join municipality m on m.id = l.municipality_id where (p.visibility = 'public' or :network)");
        Map<String, Object> params = new HashMap<>();
        params.put("network", network);
        if (lab != null) {
            where.append(" and (l.slug = :lab or exists (select 1 from project_partner pp join lab x on x.id = pp.lab_id"
                    + " where pp.project_id = p.id and pp.status = 'accepted' and x.slug = :lab))");
            params.put("lab", lab);
        }
        if (municipality != null) {
            where.append(" and (m.slug = :municipality or exists (select 1 from project_partner pp join lab x on x.id = pp.lab_id"
                    + " join municipality xm on xm.id = x.municipality_id"
                    + " where pp.project_id = p.id and pp.status = 'accepted' and xm.slug = :municipality))");
            params.put("municipality", municipality);
        }
        if (status != null) {
            where.append(" and p.status = :status");
            params.put("status", status);
        }
        if (topic != null) {
            where.append(" and exists (select 1 from unnest(p.topics) t where lower(t) = lower(:topic))");
            params.put("topic", topic);
        }
        if (text != null) {
            where.append(" and (p.search_vector @@ websearch_to_tsquery('german', :text) or p.title ilike '%' || :pattern || '%' escape '\\')");
            params.put("text", text);
            params.put("pattern", text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        }
        var count = getEntityManager().createNativeQuery("select count(*)" + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        var ids = getEntityManager().createNativeQuery("select p.id" + where + " order by p.title, p.id", UUID.class)
                .setFirstResult(page.offset()).setMaxResults(page.size());
        params.forEach(ids::setParameter);
        List<UUID> pageIds = ids.getResultList();
        List<Project> projects = pageIds.isEmpty() ? new java.util.ArrayList<>()
                : new java.util.ArrayList<>(find(WITH_LAB + "where p.id in ?1", pageIds).list());
        if (!projects.isEmpty()) {
            find("select distinct p from Project p left join fetch p.partners pa left join fetch pa.lab pl "
                    + "left join fetch pl.municipality where p.id in ?1", pageIds).list();
            find("select distinct p from Project p left join fetch p.links where p.id in ?1", pageIds).list();
        }
        projects.sort(java.util.Comparator.comparingInt(p -> pageIds.indexOf(p.id)));
        return Page.of(projects, page, total);
    }
}
