package de.stadtlabore.purchases;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import de.stadtlabore.inventory.dto.ItemLoans;
import de.stadtlabore.inventory.dto.Money;
import de.stadtlabore.labs.dto.LabRef;

/** Proposals → representations. */
final class PurchaseMapper {

    private PurchaseMapper() {
    }

    /**
     * @param owned what the network owns of the category (empty in lists)
     * @param items the items bought through the proposal (empty in lists)
     */
    static PurchaseDtos.ProposalView view(PurchaseProposal p, List<ItemLoans> owned, List<UUID> items) {
        BigDecimal pledged = p.pledges.stream().map(x -> x.amount == null ? BigDecimal.ZERO : x.amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        int units = p.pledges.stream().mapToInt(x -> x.quantity == null ? 0 : x.quantity).sum();
        int interested = (int) p.pledges.stream().filter(x -> x.kind == PledgeKind.INTEREST).count();
        return new PurchaseDtos.ProposalView(p.id, LabRef.of(p.lab), p.title, p.category, p.description, p.quantity,
                new Money(p.estimatedCost, p.currency), p.justification, p.decisionDeadline, p.status,
                p.pledges.stream().map(x -> new PurchaseDtos.PledgeView(x.id, LabRef.of(x.lab), x.kind,
                        x.amount == null ? null : new Money(x.amount, p.currency), x.quantity, x.comment, x.createdAt))
                        .toList(),
                new PurchaseDtos.Totals(new Money(pledged, p.currency), units, interested),
                owned.stream().map(o -> new PurchaseDtos.OwnedItem(o.item().id(), o.item().name(), o.item().lab(),
                        o.loans())).toList(),
                items, p.createdBy, p.createdAt, p.updatedAt);
    }
}
