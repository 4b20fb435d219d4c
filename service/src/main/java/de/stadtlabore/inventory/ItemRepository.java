package de.stadtlabore.inventory;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import de.stadtlabore.access.AccessPolicy.InventoryView;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ItemRepository implements PanacheRepositoryBase<Item, UUID> {

    private static final String WITH_LAB = "select i from Item i join fetch i.lab l join fetch l.municipality ";
    /** Never matches a municipality: stands in for "none" in SQL parameters. */
    private static final UUID NOBODY = new UUID(0, 0);

    /** Filters of the item list; null means any. */
    public record Filter(String lab, String municipality, String category, String text, String status) {
    }

    /** An item that is free for a period, with its distance from a point (null if unknown). */
    public record Free(Item item, Double distanceKm) {
    }

    public Optional<Item> findWithLab(UUID id) {
        return find(WITH_LAB + "where i.id = ?1", id).firstResultOptional();
    }

    public boolean inventoryNumberTaken(UUID labId, String number, UUID exceptItem) {
        return count("lab.id = ?1 and inventoryNumber = ?2 and id <> ?3", labId, number,
                exceptItem == null ? NOBODY : exceptItem) > 0;
    }

    public Page<Item> search(InventoryView view, Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(visibleItems());
        Map<String, Object> params = visibilityParams(view);
        if (filter.lab() != null) {
            where.append(" and l.slug = :lab");
            params.put("lab", filter.lab());
        }
        if (filter.municipality() != null) {
            where.append(" and m.slug = :municipality");
            params.put("municipality", filter.municipality());
        }
        if (filter.category() != null) {
            where.append(" and i.category = :category");
            params.put("category", filter.category());
        }
        if (filter.status() != null) {
            where.append(" and i.status = :status");
            params.put("status", filter.status());
        }
        if (filter.text() != null) {
            where.append(" and (i.search_vector @@ websearch_to_tsquery('german', :text) or i.name ilike '%' || :pattern || '%' escape '\\')");
            params.put("text", filter.text());
            params.put("pattern", likePattern(filter.text()));
        }
        Query count = getEntityManager().createNativeQuery("select count(*)" + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        Query ids = getEntityManager().createNativeQuery("select i.id" + where + " order by i.name, i.id", UUID.class)
                .setFirstResult(page.offset()).setMaxResults(page.size());
        params.forEach(ids::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> pageIds = ids.getResultList();
        return Page.of(load(pageIds), page, total);
    }

    /**
     * Items the caller may see and borrow that are free for the whole period [start, end),
     * allow a loan that long, and match the category and/or text; nearest first when a point is
     * given.
     */
    public Page<Free> free(InventoryView view, String category, String text, OffsetDateTime start, OffsetDateTime end,
            Double latitude, Double longitude, UUID exceptItem, PageRequest page) {
        StringBuilder where = new StringBuilder(visibleItems());
        Map<String, Object> params = visibilityParams(view);
        where.append(" and i.status = 'available' and (i.sharing = 'network' or m.id = :own)"
                + " and i.max_loan_days * interval '1 day' >= (cast(:end as timestamptz) - cast(:start as timestamptz))"
                + " and not exists (select 1 from reservation r where r.item_id = i.id"
                + " and r.status in ('requested', 'approved', 'handed-over', 'scheduled')"
                + " and tstzrange(r.starts_at, r.ends_at, '[)') && tstzrange(cast(:start as timestamptz), cast(:end as timestamptz), '[)'))");
        params.put("start", start);
        params.put("end", end);
        if (category != null) {
            where.append(" and i.category = :category");
            params.put("category", category);
        }
        if (text != null) {
            where.append(" and (i.search_vector @@ websearch_to_tsquery('german', :text) or i.name ilike '%' || :pattern || '%' escape '\\')");
            params.put("text", text);
            params.put("pattern", likePattern(text));
        }
        if (exceptItem != null) {
            where.append(" and i.id <> :except");
            params.put("except", exceptItem);
        }
        String distance = latitude == null ? "cast(null as double precision)"
                : "6371 * 2 * asin(sqrt(power(sin(radians(l.latitude - :lat) / 2), 2) + cos(radians(:lat))"
                        + " * cos(radians(l.latitude)) * power(sin(radians(l.longitude - :lon) / 2), 2)))";
        if (latitude != null) {
            params.put("lat", latitude);
            params.put("lon", longitude);
        }
        Query count = getEntityManager().createNativeQuery("select count(*)" + where);
        params.entrySet().stream().filter(e -> !e.getKey().equals("lat") && !e.getKey().equals("lon"))
                .forEach(e -> count.setParameter(e.getKey(), e.getValue()));
        long total = ((Number) count.getSingleResult()).longValue();
        Query rows = getEntityManager()
                .createNativeQuery("select i.id, " + distance + " as distance" + where
                        + " order by distance nulls last, i.name, i.id")
                .setFirstResult(page.offset()).setMaxResults(page.size());
        params.forEach(rows::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.getResultList();
        Map<UUID, Double> distances = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (Object[] row : found) {
            UUID id = (UUID) row[0];
            ids.add(id);
            distances.put(id, row[1] == null ? null : Math.round(((Number) row[1]).doubleValue() * 10) / 10.0);
        }
        List<Free> result = load(ids).stream().map(item -> new Free(item, distances.get(item.id))).toList();
        return Page.of(result, page, total);
    }

    private List<Item> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Item> items = new ArrayList<>(find(WITH_LAB + "where i.id in ?1", ids).list());
        items.sort(Comparator.comparingInt(item -> ids.indexOf(item.id)));
        return items;
    }

    private static String visibleItems() {
        return " from item i join lab l on l.id = i.lab_id join municipality m on m.id = l.municipality_id"
                + " where (:everything or i.public or (:member and i.sharing = 'network') or m.id = :own)";
    }

    private static Map<String, Object> visibilityParams(InventoryView view) {
        Map<String, Object> params = new HashMap<>();
        params.put("everything", view.everything());
        params.put("member", view.member());
        params.put("own", view.municipality() == null ? NOBODY : view.municipality());
        return params;
    }

    private static String likePattern(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
