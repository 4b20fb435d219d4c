package de.stadtlabore.labs;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.persistence.SqlFilter;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class LabRepository implements PanacheRepositoryBase<Lab, UUID> {

    private static final String WITH_MUNICIPALITY = "select l from Lab l join fetch l.municipality ";
    private static final String WITH_DETAILS = "select distinct l from Lab l join fetch l.municipality "
            + "left join fetch l.openingHours ";

    /** A lab with its municipality, without the details its representation shows (one row). */
    public Optional<Lab> findWithMunicipality(String slug) {
        return find(WITH_MUNICIPALITY + "where l.slug = ?1", slug).firstResultOptional();
    }

    public Optional<Lab> findBySlug(String slug) {
        return find(WITH_DETAILS + "where l.slug = ?1", slug).singleResultOptional();
    }

    /** The lab, locked until the transaction ends, so that writes to it are serialised. */
    public Optional<Lab> holdBySlug(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .flatMap(lab -> findBySlug(slug));
    }

    public boolean existsBySlug(String slug) {
        return count("slug", slug) > 0;
    }

    /** The first lab of a municipality, by name. */
    public Optional<Lab> firstOf(UUID municipality) {
        return find("municipality.id = ?1 order by name, id", municipality).firstResultOptional();
    }

    /**
     * One page of labs matching the filter, ordered by search relevance (when searching), then
     * name, then id — a total order, so that pages never overlap or skip.
     */
    public Page<Lab> search(LabFilter filter, PageRequest page) {
        SqlFilter query = SqlFilter.from("lab l", "l.id", "true").join("municipality m on m.id = l.municipality_id")
                .and("m.slug = :municipality", "municipality", filter.municipality())
                .and("exists (select 1 from unnest(l.topics) t where lower(t) = lower(:topic))", "topic", filter.topic())
                .matching("l.search_vector", "l.name", filter.text());
        String order = filter.text() == null ? "l.name, l.id"
                : "ts_rank(l.search_vector, websearch_to_tsquery('german', :text)) desc, l.name, l.id";
        return query.page(getEntityManager(), order, page, this::withDetails, lab -> lab.id);
    }

    private List<Lab> withDetails(List<UUID> ids) {
        // Opening hours follow in one query for the whole page (batch fetch).
        return find(WITH_MUNICIPALITY + "where array_has(?1, l.id)", (Object) ids.toArray(UUID[]::new)).list();
    }
}
