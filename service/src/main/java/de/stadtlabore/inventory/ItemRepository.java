package de.stadtlabore.inventory;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import de.stadtlabore.access.AccessPolicy.InventoryView;
import de.stadtlabore.common.domain.WireName;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.persistence.SqlFilter;
import de.stadtlabore.inventory.dto.CategoryView;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ItemRepository implements PanacheRepositoryBase<Item, UUID> {

    private static final String WITH_LAB = "select i from Item i join fetch i.lab l join fetch l.municipality ";
    /** Never matches a municipality: stands in for "none" in SQL parameters. */
    private static final UUID NOBODY = new UUID(0, 0);
    /** Network-shared items, as SQL. */
    private static final String SHARED = "i.sharing = '" + Sharing.NETWORK.wireName() + "'";

    /** Filters of the item list; null means any. */
    public record Filter(String lab, String municipality, String category, String text, ItemStatus status) {
    }

    /** An item that is free for a period, with its distance from a point (null if unknown). */
    public record Free(Item item, Double distanceKm) {
    }

    /** An item of a category with how often it was lent recently. */
    public record Lent(Item item, long loans) {
    }

    public Optional<Item> findWithLab(UUID id) {
        return find(WITH_LAB + "where i.id = ?1", id).firstResultOptional();
    }

    /** The item, locked until the transaction ends, so that writes to it are serialised. */
    public Optional<Item> hold(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).flatMap(item -> findWithLab(id));
    }

    /** The item, share-locked until the transaction ends: others may share-lock it too, but not change it. */
    public Optional<Item> holdShared(UUID id) {
        return find(WITH_LAB + "where i.id = ?1", id).withLock(LockModeType.PESSIMISTIC_READ).firstResultOptional();
    }

    /** Holds an item that is already loaded, with its current state. */
    public Item hold(Item item) {
        getEntityManager().refresh(item, LockModeType.PESSIMISTIC_WRITE);
        return item;
    }

    public boolean inventoryNumberTaken(UUID labId, String number, UUID exceptItem) {
        return count("lab.id = ?1 and inventoryNumber = ?2 and id <> ?3", labId, number,
                exceptItem == null ? NOBODY : exceptItem) > 0;
    }

    public Page<Item> search(InventoryView view, Filter filter, PageRequest page) {
        return visible(view)
                .and("l.slug = :lab", "lab", filter.lab())
                .and("m.slug = :municipality", "municipality", filter.municipality())
                .and("i.category = :category", "category", filter.category())
                .and("i.status = :status", "status", filter.status() == null ? null : filter.status().wireName())
                .matching("i.search_vector", "i.name", filter.text())
                .page(getEntityManager(), "i.name, i.id", page, this::withLab, item -> item.id);
    }

    /**
     * Items the caller may see and borrow that are free for the whole period [start, end),
     * allow a loan that long, and match the category and/or text; nearest first when a point is
     * given.
     */
    public Page<Free> free(InventoryView view, String category, String text, OffsetDateTime start, OffsetDateTime end,
            Double latitude, Double longitude, UUID exceptItem, PageRequest page) {
        SqlFilter query = visible(view)
                .and("i.status = '" + ItemStatus.AVAILABLE.wireName() + "' and (" + SHARED + " or l.municipality_id = :own)"
                        + " and i.max_loan_days * interval '1 day' >= (cast(:end as timestamptz) - cast(:start as timestamptz))"
                        + " and not exists (select 1 from reservation r where r.item_id = i.id and " + ReservationStatus.blocking("r")
                        + " and tstzrange(r.starts_at, r.ends_at, '[)')"
                        + " && tstzrange(cast(:start as timestamptz), cast(:end as timestamptz), '[)'))")
                .with("start", start).with("end", end)
                .and("i.category = :category", "category", category)
                .matching("i.search_vector", "i.name", text)
                .and("i.id <> :except", "except", exceptItem);
        String distance = "cast(null as double precision)";
        if (latitude != null) {
            distance = "6371 * 2 * asin(sqrt(power(sin(radians(l.latitude - :lat) / 2), 2) + cos(radians(:lat))"
                    + " * cos(radians(l.latitude)) * power(sin(radians(l.longitude - :lon) / 2), 2)))";
            query.with("lat", latitude).with("lon", longitude);
        }
        List<Object[]> rows = query.select(getEntityManager(), "i.id, " + distance + " as distance",
                "distance nulls last, i.name, i.id", page.offset(), page.size());
        Map<UUID, Double> distances = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (Object[] row : rows) {
            ids.add((UUID) row[0]);
            distances.put((UUID) row[0], row[1] == null ? null : Math.round(((Number) row[1]).doubleValue() * 10) / 10.0);
        }
        List<Free> free = SqlFilter.inOrder(ids, ids.isEmpty() ? List.of() : withLab(ids), item -> item.id).stream()
                .map(item -> new Free(item, distances.get(item.id))).toList();
        return Page.of(free, page, query.total(getEntityManager(), page, rows.size()));
    }

    /** Items of the category in service anywhere in the network, with their loans since a point in time. */
    public List<Lent> inCategoryWithLoans(String category, OffsetDateTime since) {
        return getEntityManager().createQuery("select i, (select count(r) from Reservation r where r.item = i"
                + " and r.kind = :loan and array_has(:lent, r.status) and r.startsAt >= :since) as loans"
                + " from Item i join fetch i.lab l join fetch l.municipality"
                + " where i.category = :category and i.status <> :retired order by loans desc, i.name, i.id", Object[].class)
                .setParameter("loan", ReservationKind.LOAN)
                .setParameter("lent", WireName.wireNames(List.of(ReservationStatus.APPROVED,
                        ReservationStatus.HANDED_OVER, ReservationStatus.RETURNED)))
                .setParameter("since", since).setParameter("category", category).setParameter("retired", ItemStatus.RETIRED)
                .getResultList().stream().map(row -> new Lent((Item) row[0], ((Number) row[1]).longValue())).toList();
    }

    /** The items bought through a purchase proposal. */
    public List<UUID> boughtThrough(UUID purchase) {
        return list("purchaseId = ?1 order by inventoryNumber", purchase).stream().map(item -> item.id).toList();
    }

    /**
     * The suggested categories (in German or English), then those labs named themselves for
     * items the caller may see.
     */
    @SuppressWarnings("unchecked")
    public List<CategoryView> categories(InventoryView view, boolean english) {
        List<Object[]> suggested = getEntityManager().createNativeQuery("select slug, "
                + (english ? "name_en" : "name_de") + " from equipment_category order by 2").getResultList();
        List<String> named = visible(view).and("i.category not in (select slug from equipment_category)")
                .distinct(getEntityManager(), "i.category");
        List<CategoryView> categories = new ArrayList<>();
        suggested.forEach(row -> categories.add(new CategoryView((String) row[0], (String) row[1], true)));
        named.forEach(category -> categories.add(new CategoryView(category, category, false)));
        return categories;
    }

    private List<Item> withLab(List<UUID> ids) {
        return find(WITH_LAB + "where array_has(?1, i.id)", (Object) ids.toArray(UUID[]::new)).list();
    }

    /**
     * The items the caller may see. The condition is written out for the kind of view, with no
     * switches bound as parameters, so that PostgreSQL plans each kind for what it is: public items
     * from their partial index (V13), and without the joins to lab and municipality where a query
     * does not need them.
     */
    private static SqlFilter visible(InventoryView view) {
        List<String> any = new ArrayList<>();
        if (view.everything()) {
            any.add("true");
        } else {
            any.add("i.public");
            if (view.member()) {
                any.add(SHARED);
            }
            if (view.municipality() != null) {
                any.add("l.municipality_id = :own");
            }
        }
        return SqlFilter.from("item i", "i.id", String.join(" or ", any))
                .join("lab l on l.id = i.lab_id").join("municipality m on m.id = l.municipality_id")
                .with("own", view.municipality() == null ? NOBODY : view.municipality());
    }
}
