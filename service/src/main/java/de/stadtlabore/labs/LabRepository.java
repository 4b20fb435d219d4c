package de.stadtlabore.labs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class LabRepository implements PanacheRepositoryBase<Lab, UUID> {

    private static final String WITH_DETAILS = "select distinct l from Lab l join fetch l.municipality "
            + "left join fetch l.openingHours ";

    public Optional<Lab> findBySlug(String slug) {
        return find(WITH_DETAILS + "where l.slug = ?1", slug).firstResultOptional();
    }

    public boolean existsBySlug(String slug) {
        return count("slug", slug) > 0;
    }

    /**
     * One page of labs matching the filter, ordered by search relevance (when searching), then
     * name, then id — a total order, so that pages never overlap or skip.
     */
    public Page<Lab> search(LabFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" from lab l join municipality m on m.id = l.municipality_id where true");
        Map<String, Object> params = new HashMap<>();
        if (filter.municipality() != null) {
            where.append(" and m.slug = :municipality");
            params.put("municipality", filter.municipality());
        }
        if (filter.topic() != null) {
            where.append(" and exists (select 1 from unnest(l.topics) t where lower(t) = lower(:topic))");
            params.put("topic", filter.topic());
        }
        String order = " order by l.name, l.id";
        if (filter.text() != null) {
            where.append(" and (l.search_vector @@ websearch_to_tsquery('german', :text)"
                    + " or l.name ilike '%' || :pattern || '%' escape '\\')");
            params.put("text", filter.text());
            params.put("pattern", filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
            order = " order by ts_rank(l.search_vector, websearch_to_tsquery('german', :text)) desc, l.name, l.id";
        }

        Query count = getEntityManager().createNativeQuery("select count(*)" + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        if (total == 0 || page.offset() >= total) {
            return Page.of(List.of(), page, total);
        }

        Query ids = getEntityManager().createNativeQuery("select l.id" + where + order, UUID.class)
                .setFirstResult(page.offset())
                .setMaxResults(page.size());
        params.forEach(ids::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> pageIds = ids.getResultList();

        List<Lab> labs = new ArrayList<>(find(WITH_DETAILS + "where l.id in ?1", pageIds).list());
        labs.sort(Comparator.comparingInt(lab -> pageIds.indexOf(lab.id)));
        return Page.of(labs, page, total);
    }
}
