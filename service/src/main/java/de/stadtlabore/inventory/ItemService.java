package de.stadtlabore.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import de.stadtlabore.changes.ChangeType;
import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.access.Action;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.common.http.Params;
import de.stadtlabore.common.http.RepresentationTags;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.common.time.Timestamps;
import de.stadtlabore.inventory.dto.CategoryView;
import de.stadtlabore.inventory.dto.ItemInput;
import de.stadtlabore.inventory.dto.ItemLoans;
import de.stadtlabore.inventory.dto.ItemView;
import de.stadtlabore.inventory.dto.PurchasedItem;
import de.stadtlabore.labs.Lab;
import de.stadtlabore.labs.LabService;

/** The shared inventory: items of the labs, who may see them, and how they are kept up to date. */
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ItemView> list(String lab, String municipality, String category, String text, String status,
            PageRequest page) {
        ItemRepository.Filter filter = new ItemRepository.Filter(Params.blankToNull(lab), Params.blankToNull(municipality),
                Params.blankToNull(category), Params.blankToNull(text), Params.oneOf("status", status, ItemStatus.class));
        return items.search(policy.inventoryView(caller.get()), filter, page).map(InventoryMapper::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ItemView get(UUID id) {
        return InventoryMapper.view(visible(id));
    }

    /** An item the caller may see; others do not exist for them (404). For this feature's services. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Item visible(UUID id) {
        return seen(items.findWithLab(id).orElseThrow(() -> notFound(id)));
    }

    /**
     * An item the caller may see, to book: shared-locked until the transaction ends, so that
     * bookings of it run side by side (the exclusion constraint settles clashes among them) but
     * never beside a change to the item, such as retiring it. For this feature's services.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Item forBooking(UUID id) {
        return seen(items.holdShared(id).orElseThrow(() -> notFound(id)));
    }

    private Item seen(Item item) {
        if (!canSee(policy.inventoryView(caller.get()), item)) {
            throw notFound(item.id);
        }
        return item;
    }

    private static boolean canSee(AccessPolicy.InventoryView view, Item item) {
        return view.canSee(item.publiclyVisible, item.isNetworkShared(), item.ownerMunicipalityId());
    }

    @Inject
    InventoryChanges inventoryChanges;

    @Transactional
    public ItemView create(ItemInput input) {
        Lab lab = labService.existing("lab", input.lab());
        policy.require(caller.get(), Action.ITEM_MANAGE, lab.municipality.id);
        Item item = new Item();
        item.id = UUID.randomUUID();
        item.createdAt = Timestamps.now();
        apply(input, lab, item);
        item.status = input.status() == null ? ItemStatus.AVAILABLE : input.status();
        items.persist(item);
        audit.record("item.create", "item", item.id.toString(), lab.municipality.id);
        inventoryChanges.item(ChangeType.ITEM_CREATED, item);
        return InventoryMapper.view(item);
    }

    /** Updates an item, including retiring it or sending it to maintenance, given its ETag. */
    @Transactional
    public ItemView update(UUID id, String ifMatch, ItemInput input) {
        Item item = seen(items.hold(id).orElseThrow(() -> notFound(id)));
        policy.require(caller.get(), Action.ITEM_MANAGE, item.ownerMunicipalityId());
        Lab lab = labService.existing("lab", input.lab());
        if (!lab.municipality.id.equals(item.ownerMunicipalityId())) {
            policy.require(caller.get(), Action.ITEM_MANAGE, lab.municipality.id);
        }
        tags.requireMatch(ifMatch, InventoryMapper.view(item));
        ItemStatus status = input.status() == null ? item.status : input.status();
        boolean retiring = status == ItemStatus.RETIRED && item.status != ItemStatus.RETIRED;
        if (retiring) {
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
        audit.record(retiring ? "item.retire" : "item.update", "item", item.id.toString(), item.ownerMunicipalityId());
        inventoryChanges.item(retiring ? ChangeType.ITEM_RETIRED : ChangeType.ITEM_CHANGED, item);
        return InventoryMapper.view(item);
    }

    /** The suggested categories and those labs named themselves for items the caller may see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CategoryView> categories(boolean english) {
        return items.categories(policy.inventoryView(caller.get()), english);
    }

    /**
     * Items of a category in service in the network that the caller may see, with their loans
     * since a point in time. For purchases.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ItemLoans> inCategoryWithLoans(String category, OffsetDateTime since) {
        AccessPolicy.InventoryView view = policy.inventoryView(caller.get());
        return items.inCategoryWithLoans(category, since).stream()
                .filter(lent -> canSee(view, lent.item()))
                .map(lent -> new ItemLoans(InventoryMapper.item(lent.item()), lent.loans())).toList();
    }

    /** The items bought through a purchase proposal. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> boughtThrough(UUID purchase) {
        return items.boughtThrough(purchase);
    }

    /** A received unit of a purchase becomes a new, network-shared item of the lab that gets it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addPurchased(PurchasedItem unit) {
        Item item = new Item();
        item.id = UUID.randomUUID();
        item.lab = unit.lab();
        item.name = unit.name();
        item.description = unit.description();
        item.category = unit.category();
        item.inventoryNumber = unit.inventoryNumber();
        item.condition = Condition.NEW;
        item.replacementValue = unit.value();
        item.currency = unit.currency();
        item.sharing = Sharing.NETWORK;
        item.status = ItemStatus.AVAILABLE;
        item.maxLoanDays = 14;
        item.minNoticeHours = 48;
        item.purchaseId = unit.purchase();
        item.createdAt = Timestamps.now();
        item.updatedAt = item.createdAt;
        items.persist(item);
        audit.record("item.create", "item", item.id.toString(), unit.lab().municipality.id);
        inventoryChanges.item(ChangeType.ITEM_CREATED, item);
    }

    private void apply(ItemInput input, Lab lab, Item item) {
        if (items.inventoryNumberTaken(lab.id, input.inventoryNumber().strip(), item.id)) {
            throw new ApiException(ProblemType.CONFLICT, "detail.inventory-number-taken", input.inventoryNumber(),
                    lab.slug);
        }
        String currency = input.replacementValue() != null ? input.replacementValue().currency()
                : input.lendingTerms().deposit() != null ? input.lendingTerms().deposit().currency() : "EUR";
        if (input.lendingTerms().deposit() != null && !input.lendingTerms().deposit().currency().equals(currency)) {
            throw ApiException.invalid(List.of(new Violation("lendingTerms.deposit.currency", "field.same-currency")));
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
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("detail.item-not-found", id);
    }
}
