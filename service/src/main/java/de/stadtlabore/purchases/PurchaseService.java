package de.stadtlabore.purchases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import de.stadtlabore.inventory.Item;
import de.stadtlabore.inventory.ItemRepository;
import de.stadtlabore.labs.Lab;
import de.stadtlabore.labs.LabService;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Purchase coordination: proposals, interest and pledges, the lifecycle, and — on receipt — the
 * purchased units as inventory items of the labs that pledged them, in one transaction.
 */
@ApplicationScoped
public class PurchaseService {

    static final Map<String, Set<String>> TRANSITIONS = Map.of(
            "open", Set.of("agreed", "rejected", "withdrawn"),
            "agreed", Set.of("ordered", "withdrawn"),
            "ordered", Set.of("received"));

    @Inject
    PurchaseRepository proposals;

    @Inject
    LabService labService;

    @Inject
    ItemRepository items;

    @Inject
    AccessPolicy policy;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditLog audit;

    @Inject
    RepresentationTags tags;

    /** Network members read every proposal; the public none. */
    @Transactional
    public Page<PurchaseProposal> list(String status, String lab, String municipality, PageRequest page) {
        requireMember();
        return proposals.search(Params.blankToNull(status), Params.blankToNull(lab), Params.blankToNull(municipality), page);
    }

    @Transactional
    public PurchaseProposal get(UUID id) {
        requireMember();
        return proposals.findWithDetails(id).orElseThrow(() -> ApiException.notFound("detail.proposal-not-found", id));
    }

    @Transactional
    public List<PurchaseRepository.Owned> networkOwns(PurchaseProposal proposal) {
        return proposals.ownedInCategory(proposal.category, Timestamps.now().minusMonths(6));
    }

    @Transactional
    public List<UUID> itemsBought(PurchaseProposal proposal) {
        return items.list("purchaseId = ?1 order by inventoryNumber", proposal.id).stream().map(i -> i.id).toList();
    }

    @Transactional
    public PurchaseProposal propose(PurchaseDtos.ProposalInput input) {
        Lab lab = labService.existing("lab", input.lab());
        policy.require(caller.get(), Action.PURCHASE_PROPOSE, lab.municipality.id);
        checkDeadline(input.decisionDeadline());
        PurchaseProposal p = new PurchaseProposal();
        p.id = UUID.randomUUID();
        p.lab = lab;
        p.status = "open";
        p.createdBy = caller.get().subject();
        p.createdAt = Timestamps.now();
        apply(input, p);
        proposals.persist(p);
        audit.record("purchase.propose", "purchase", p.id.toString(), lab.municipality.id);
        return p;
    }

    /** The proposing lab changes an open proposal, given its ETag. */
    @Transactional
    public PurchaseProposal update(UUID id, String ifMatch, PurchaseDtos.ProposalInput input) {
        PurchaseProposal p = get(id);
        policy.require(caller.get(), Action.PURCHASE_PROPOSE, p.lab.municipality.id);
        if (!input.lab().equals(p.lab.slug)) {
            throw ApiException.invalid(List.of(new Violation("lab", "field.slug-immutable")));
        }
        requireOpen(p);
        tags.requireMatch(ifMatch, PurchaseMapper.view(p, networkOwns(p), itemsBought(p)));
        checkDeadline(input.decisionDeadline());
        apply(input, p);
        audit.record("purchase.update", "purchase", p.id.toString(), p.lab.municipality.id);
        return p;
    }

    /** A lab of the caller's municipality expresses interest or pledges; one entry per lab, replaced on repeat. */
    @Transactional
    public PurchaseProposal pledge(UUID id, PurchaseDtos.PledgeInput input) {
        PurchaseProposal p = get(id);
        Lab lab = labService.existing("lab", input.lab());
        policy.require(caller.get(), Action.PURCHASE_PLEDGE, lab.municipality.id);
        requireOpen(p);
        if ("pledge".equals(input.kind()) && input.amount() == null && input.quantity() == null) {
            throw ApiException.invalid(List.of(new Violation("amount", "field.pledge-needs-amount-or-quantity")));
        }
        p.pledges.removeIf(existing -> existing.lab.id.equals(lab.id));
        proposals.flush();
        Pledge pledge = new Pledge();
        pledge.id = UUID.randomUUID();
        pledge.proposal = p;
        pledge.lab = lab;
        pledge.kind = input.kind();
        pledge.amount = input.amount() == null ? null : input.amount().setScale(2, java.math.RoundingMode.UNNECESSARY);
        pledge.quantity = input.quantity();
        pledge.comment = Params.blankToNull(input.comment());
        pledge.createdBy = caller.get().subject();
        pledge.createdAt = Timestamps.now();
        p.pledges.add(pledge);
        p.updatedAt = Timestamps.now();
        audit.record("purchase." + input.kind(), "purchase", p.id.toString(), p.lab.municipality.id);
        if (!lab.municipality.id.equals(p.lab.municipality.id)) {
            audit.record("purchase." + input.kind(), "purchase", p.id.toString(), lab.municipality.id);
        }
        return p;
    }

    /**
     * Moves a proposal on. On {@code received}, the units become items: each pledging lab gets
     * the units it pledged, the proposing lab the rest — in this transaction.
     */
    @Transactional
    public PurchaseProposal transition(UUID id, String status) {
        PurchaseProposal p = get(id);
        policy.require(caller.get(), Action.PURCHASE_PROPOSE, p.lab.municipality.id);
        if (!TRANSITIONS.getOrDefault(p.status, Set.of()).contains(status)) {
            throw new ApiException(ProblemType.CONFLICT, "detail.invalid-proposal-transition", p.status, status);
        }
        if ("received".equals(status)) {
            receive(p);
        }
        p.status = status;
        p.updatedAt = Timestamps.now();
        audit.record("purchase." + status, "purchase", p.id.toString(), p.lab.municipality.id);
        return p;
    }

    private void receive(PurchaseProposal p) {
        int remaining = p.quantity;
        int number = 1;
        for (Pledge pledge : p.pledges) {
            int units = pledge.quantity == null ? 0 : Math.min(pledge.quantity, remaining);
            for (int i = 0; i < units; i++) {
                createItem(p, pledge.lab, number++);
            }
            remaining -= units;
        }
        for (int i = 0; i < remaining; i++) {
            createItem(p, p.lab, number++);
        }
    }

    private void createItem(PurchaseProposal p, Lab owner, int number) {
        Item item = new Item();
        item.id = UUID.randomUUID();
        item.lab = owner;
        item.name = p.title;
        item.description = p.description;
        item.category = p.category;
        item.inventoryNumber = "PUR-" + p.id.toString().substring(0, 8).toUpperCase() + "-" + number;
        item.condition = "new";
        item.replacementValue = p.estimatedCost.divide(BigDecimal.valueOf(p.quantity), 2, java.math.RoundingMode.HALF_UP);
        item.currency = p.currency;
        item.sharing = "network";
        item.status = "available";
        item.maxLoanDays = 14;
        item.minNoticeHours = 48;
        item.purchaseId = p.id;
        item.createdAt = Timestamps.now();
        item.updatedAt = item.createdAt;
        items.persist(item);
        audit.record("item.create", "item", item.id.toString(), owner.municipality.id);
    }

    private void apply(PurchaseDtos.ProposalInput input, PurchaseProposal p) {
        p.title = input.title().strip();
        p.category = input.category();
        p.description = input.description() == null ? "" : input.description().strip();
        p.quantity = input.quantity();
        p.estimatedCost = input.estimatedCost().amount().setScale(2, java.math.RoundingMode.UNNECESSARY);
        p.currency = input.estimatedCost().currency();
        p.justification = input.justification().strip();
        p.decisionDeadline = input.decisionDeadline();
        p.updatedAt = Timestamps.now();
    }

    private void requireMember() {
        Caller c = caller.get();
        if (c.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!policy.isNetworkMember(c, Scope.PURCHASES_READ)) {
            throw new ForbiddenException();
        }
    }

    private static void requireOpen(PurchaseProposal p) {
        if (!"open".equals(p.status)) {
            throw new ApiException(ProblemType.CONFLICT, "detail.proposal-closed", p.status);
        }
    }

    private static void checkDeadline(LocalDate deadline) {
        if (deadline.isBefore(LocalDate.now())) {
            throw ApiException.invalid(List.of(new Violation("decisionDeadline", "field.not-in-past")));
        }
    }


}
