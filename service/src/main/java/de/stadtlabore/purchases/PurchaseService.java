package de.stadtlabore.purchases;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.LinkedHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import de.stadtlabore.changes.Audience;
import de.stadtlabore.changes.ChangeService;
import de.stadtlabore.changes.ChangeType;
import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.access.Action;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.access.Scope;
import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.common.domain.Lifecycle;
import de.stadtlabore.common.http.Params;
import de.stadtlabore.common.http.RepresentationTags;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.common.time.Timestamps;
import de.stadtlabore.inventory.ItemService;
import de.stadtlabore.inventory.dto.PurchasedItem;
import de.stadtlabore.labs.Lab;
import de.stadtlabore.labs.LabService;

/**
 * Purchase coordination: proposals, interest and pledges, the lifecycle, and — on receipt — the
 * purchased units as inventory items of the labs that pledged them, in one transaction.
 */
@ApplicationScoped
public class PurchaseService {

    @Inject
    ChangeService changes;

    @Inject
    PurchaseRepository proposals;

    @Inject
    LabService labService;

    @Inject
    ItemService items;

    @Inject
    AccessPolicy policy;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditLog audit;

    @Inject
    RepresentationTags tags;

    /** Network members read every proposal; the public none. Lists leave out what the network owns. */
    @Transactional
    public Page<PurchaseDtos.ProposalView> list(String status, String lab, String municipality, PageRequest page) {
        requireMember();
        return proposals.search(Params.oneOf("status", status, ProposalStatus.class), Params.blankToNull(lab),
                Params.blankToNull(municipality), page).map(p -> PurchaseMapper.view(p, List.of(), List.of()));
    }

    @Transactional
    public PurchaseDtos.ProposalView get(UUID id) {
        requireMember();
        return view(proposals.findWithDetails(id).orElseThrow(() -> notFound(id)));
    }

    @Transactional
    public PurchaseDtos.ProposalView propose(PurchaseDtos.ProposalInput input) {
        Lab lab = labService.existing("lab", input.lab());
        policy.require(caller.get(), Action.PURCHASE_PROPOSE, lab.municipality.id);
        checkDeadline(input.decisionDeadline());
        PurchaseProposal p = new PurchaseProposal();
        p.id = UUID.randomUUID();
        p.lab = lab;
        p.status = ProposalStatus.OPEN;
        p.createdBy = caller.get().subject();
        p.createdAt = Timestamps.now();
        apply(input, p);
        proposals.persist(p);
        audit.record("purchase.propose", "purchase", p.id.toString(), lab.municipality.id);
        recordChange(ChangeType.PURCHASE_PROPOSED, p, null);
        return view(p);
    }

    /** The proposing lab changes an open proposal, given its ETag. */
    @Transactional
    public PurchaseDtos.ProposalView update(UUID id, String ifMatch, PurchaseDtos.ProposalInput input) {
        PurchaseProposal p = held(id);
        policy.require(caller.get(), Action.PURCHASE_PROPOSE, p.lab.municipality.id);
        if (!input.lab().equals(p.lab.slug)) {
            throw ApiException.invalid(List.of(new Violation("lab", "field.slug-immutable")));
        }
        requireOpen(p);
        tags.requireMatch(ifMatch, view(p));
        checkDeadline(input.decisionDeadline());
        apply(input, p);
        audit.record("purchase.update", "purchase", p.id.toString(), p.lab.municipality.id);
        recordChange(ChangeType.PURCHASE_CHANGED, p, null);
        return view(p);
    }

    /** A lab of the caller's municipality expresses interest or pledges; one entry per lab, replaced on repeat. */
    @Transactional
    public PurchaseDtos.ProposalView pledge(UUID id, PurchaseDtos.PledgeInput input) {
        PurchaseProposal p = held(id);
        Lab lab = labService.existing("lab", input.lab());
        policy.require(caller.get(), Action.PURCHASE_PLEDGE, lab.municipality.id);
        requireOpen(p);
        if (input.kind() == PledgeKind.PLEDGE && input.amount() == null && input.quantity() == null) {
            throw ApiException.invalid(List.of(new Violation("amount", "field.pledge-needs-amount-or-quantity")));
        }
        p.pledges.removeIf(existing -> existing.lab.id.equals(lab.id));
        proposals.flush();
        Pledge pledge = new Pledge();
        pledge.id = UUID.randomUUID();
        pledge.proposal = p;
        pledge.lab = lab;
        pledge.kind = input.kind();
        pledge.amount = input.amount() == null ? null : input.amount().setScale(2, RoundingMode.UNNECESSARY);
        pledge.quantity = input.quantity();
        pledge.comment = Params.blankToNull(input.comment());
        pledge.createdBy = caller.get().subject();
        pledge.createdAt = Timestamps.now();
        p.pledges.add(pledge);
        p.updatedAt = Timestamps.now();
        String action = "purchase." + input.kind().wireName();
        audit.record(action, "purchase", p.id.toString(), p.lab.municipality.id);
        if (!lab.municipality.id.equals(p.lab.municipality.id)) {
            audit.record(action, "purchase", p.id.toString(), lab.municipality.id);
        }
        recordChange(ChangeType.PURCHASE_PLEDGED, p, pledge);
        return view(p);
    }

    /**
     * Moves a proposal on. On {@code received}, the units become items: each pledging lab gets
     * the units it pledged, the proposing lab the rest — in this transaction.
     */
    @Transactional
    public PurchaseDtos.ProposalView transition(UUID id, ProposalStatus target) {
        Lifecycle.reachable("status", target);
        PurchaseProposal p = held(id);
        policy.require(caller.get(), Action.PURCHASE_PROPOSE, p.lab.municipality.id);
        p.status = p.status.moveTo(target);
        if (target == ProposalStatus.RECEIVED) {
            receive(p);
        }
        p.updatedAt = Timestamps.now();
        audit.record("purchase." + target.wireName(), "purchase", p.id.toString(), p.lab.municipality.id);
        recordChange(ChangeType.PURCHASE_STATUS_CHANGED, p, null);
        return view(p);
    }

    private void receive(PurchaseProposal p) {
        BigDecimal unitValue = p.estimatedCost.divide(BigDecimal.valueOf(p.quantity), 2, RoundingMode.HALF_UP);
        String numbers = "PUR-" + p.id.toString().substring(0, 8).toUpperCase() + "-";
        int remaining = p.quantity;
        int number = 1;
        for (Pledge pledge : p.pledges) {
            int units = pledge.quantity == null ? 0 : Math.min(pledge.quantity, remaining);
            for (int i = 0; i < units; i++) {
                items.addPurchased(new PurchasedItem(p.id, pledge.lab, numbers + number++, p.title, p.description,
                        p.category, unitValue, p.currency));
            }
            remaining -= units;
        }
        for (int i = 0; i < remaining; i++) {
            items.addPurchased(new PurchasedItem(p.id, p.lab, numbers + number++, p.title, p.description, p.category,
                    unitValue, p.currency));
        }
    }

    /** The full view: with what the network owns of the category (lent in the last six months) and what was bought. */
    private PurchaseDtos.ProposalView view(PurchaseProposal p) {
        return PurchaseMapper.view(p, items.inCategoryWithLoans(p.category, Timestamps.now().minusMonths(6)),
                items.boughtThrough(p.id));
    }

    /** A proposal for network members, held until the transaction ends. */
    private PurchaseProposal held(UUID id) {
        requireMember();
        return proposals.hold(id).orElseThrow(() -> notFound(id));
    }

    private void apply(PurchaseDtos.ProposalInput input, PurchaseProposal p) {
        p.title = input.title().strip();
        p.category = input.category();
        p.description = input.description() == null ? "" : input.description().strip();
        p.quantity = input.quantity();
        p.estimatedCost = input.estimatedCost().amount().setScale(2, RoundingMode.UNNECESSARY);
        p.currency = input.estimatedCost().currency();
        p.justification = input.justification().strip();
        p.decisionDeadline = input.decisionDeadline();
        p.updatedAt = Timestamps.now();
    }

    private void requireMember() {
        policy.requireNetworkMember(caller.get(), Scope.PURCHASES_READ);
    }

    private static void requireOpen(PurchaseProposal p) {
        if (p.status != ProposalStatus.OPEN) {
            throw new ApiException(ProblemType.CONFLICT, "detail.proposal-closed", p.status.wireName());
        }
    }

    private static void checkDeadline(LocalDate deadline) {
        if (deadline.isBefore(LocalDate.now())) {
            throw ApiException.invalid(List.of(new Violation("decisionDeadline", "field.not-in-past")));
        }
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("detail.proposal-not-found", id);
    }

    /** Proposals in the change feed, for the network's members (who see proposals); a pledge names its lab and kind. */
    private void recordChange(ChangeType type, PurchaseProposal p, Pledge pledge) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", p.id);
        data.put("title", p.title);
        data.put("status", p.status);
        data.put("lab", p.lab.slug);
        data.put("category", p.category);
        if (pledge != null) {
            data.put("pledge", Map.of("lab", pledge.lab.slug, "kind", pledge.kind));
        }
        changes.record(type, Audience.network(), data);
    }
}
