package de.stadtlabore.inventory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import de.stadtlabore.common.http.Params;
import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.access.Action;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.common.http.RepresentationTags;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.common.time.Timestamps;
import de.stadtlabore.inventory.dto.CategoryView;
import de.stadtlabore.inventory.dto.ItemInput;
import de.stadtlabore.labs.Lab;
import de.stadtlabore.labs.LabService;

@ApplicationScoped
public class ItemService {

    @Inject
    ItemRepository items;

    @Inject
    ReservationRepository reservations;

    @Inject
    LabService labService;

    @Inject
    AccessPolicy policy;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditLog audit;

    @Inject
    RepresentationTags tags;

    @Transactional
    public Page<Item> list(String lab, String municipality, String category, String text, String status,
            PageRequest page) {
        return items.search(policy.inventoryView(caller.get()),
                new ItemRepository.Filter(Params.blankToNull(lab), Params.blankToNull(municipality), Params.blankToNull(category),
                        Params.blankToNull(text), Params.blankToNull(status)),
                page);
    }

    /** An item the caller may see; others do not exist for them (404). */
    @Transactional
    public Item get(UUID id) {
        Item item = items.findWithLab(id).orElseThrow(() -> ApiException.notFound("detail.item-not-found", id));
        if (!policy.inventoryView(caller.get()).canSee(item.publiclyVisible, item.isNetworkShared(),
                item.ownerMunicipalityId())) {
            throw ApiException.notFound("detail.item-not-found", id);
        }
        return item;
    }

    @Transactional
    public Item create(ItemInput input) {
        Lab lab = labService.existing("lab", input.lab());
        policy.require(caller.get(), Action.ITEM_MANAGE, lab.municipality.id);
        Item item = new Item();
        item.id = UUID.randomUUID();
        item.createdAt = Timestamps.now();
        apply(input, lab, item);
        item.status = input.status() == null ? "available" : input.status();
        items.persist(item);
        audit.record("item.create", "item", item.id.toString(), lab.municipality.id);
        return item;
    }

    /** Updates an item, including retiring it or sending it to maintenance, given its ETag. */
    @Transactional
    public Item update(UUID id, String ifMatch, ItemInput input) {
        Item item = get(id);
        policy.require(caller.get(), Action.ITEM_MANAGE, item.ownerMunicipalityId());
        Lab lab = labService.existing("lab", input.lab());
        if (!lab.municipality.id.equals(item.ownerMunicipalityId())) {
            policy.require(caller.get(), Action.ITEM_MANAGE, lab.municipality.id);
        }
        tags.requireMatch(ifMatch, InventoryMapper.view(item));
        String status = input.status() == null ? item.status : input.status();
        if ("retired".equals(status) && !"retired".equals(item.status)) {
            List<Reservation> pending = reservations.blockingOverlaps(item.id, Timestamps.now(),
                    Timestamps.now().plusYears(100));
            if (!pending.isEmpty()) {
                throw ApiException.withExtensions(ProblemType.CONFLICT,
                        Map.of("conflicts", pending.stream().map(r -> InventoryMapper.busy(r, true)).toList()),
                        "detail.item-has-bookings");
            }
        }
        apply(input, lab, item);
        item.status = status;
        audit.record("retired".equals(status) ? "item.retire" : "item.update", "item", item.id.toString(),
                item.ownerMunicipalityId());
        return item;
    }

    /** The suggested categories and those labs named themselves, in German or English. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<CategoryView> categories(boolean english) {
        List<Object[]> rows = items.getEntityManager().createNativeQuery(
                "select slug, " + (english ? "name_en" : "name_de") + ", true from equipment_category "
                        + "union select distinct category, category, false from item "
                        + "where category not in (select slug from equipment_category) order by 3 desc, 2")
                .getResultList();
        return rows.stream().map(r -> new CategoryView((String) r[0], (String) r[1], (Boolean) r[2])).toList();
    }


    private void apply(ItemInput input, Lab lab, Item item) {
        List<Violation> violations = new ArrayList<>();
        if (items.inventoryNumberTaken(lab.id, input.inventoryNumber().strip(), item.id)) {
            throw new ApiException(ProblemType.CONFLICT, "detail.inventory-number-taken", input.inventoryNumber(),
                    lab.slug);
        }
        String currency = input.replacementValue() != null ? input.replacementValue().currency()
                : input.lendingTerms().deposit() != null ? input.lendingTerms().deposit().currency() : "EUR";
        if (input.lendingTerms().deposit() != null && !input.lendingTerms().deposit().currency().equals(currency)) {
            violations.add(new Violation("lendingTerms.deposit.currency", "field.same-currency"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        item.lab = lab;
        item.name = input.name().strip();
        item.description = input.description() == null ? "" : input.description().strip();
        item.category = input.category();
        item.inventoryNumber = input.inventoryNumber().strip();
        item.condition = input.condition();
        item.accessories = input.accessories() == null ? new ArrayList<>() : new ArrayList<>(input.accessories());
        item.replacementValue = input.replacementValue() == null ? null : amount(input.replacementValue().amount());
        item.currency = currency;
        item.photos = input.photos() == null ? new ArrayList<>() : new ArrayList<>(input.photos());
        item.sharing = input.sharing();
        item.publiclyVisible = input.publiclyVisible();
        item.maxLoanDays = input.lendingTerms().maxLoanDays();
        item.minNoticeHours = input.lendingTerms().minNoticeHours();
        item.deposit = input.lendingTerms().deposit() == null ? null : amount(input.lendingTerms().deposit().amount());
        item.briefingRequired = input.lendingTerms().briefingRequired();
        item.pickupNotes = input.lendingTerms().pickupNotes();
        item.updatedAt = Timestamps.now();
    }

    private static BigDecimal amount(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

}
