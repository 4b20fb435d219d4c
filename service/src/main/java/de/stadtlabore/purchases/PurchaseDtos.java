package de.stadtlabore.purchases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import de.stadtlabore.inventory.dto.Money;
import de.stadtlabore.labs.dto.LabRef;

/** Requests and representations of purchase coordination. */
public final class PurchaseDtos {

    private PurchaseDtos() {
    }

    /** A lab proposes a purchase. */
    public record ProposalInput(
            @NotBlank @Size(max = 80) String lab,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 60) String category,
            @Size(max = 10000) String description,
            @NotNull @Min(1) @Max(1000) Integer quantity,
            @NotNull @Valid Money estimatedCost,
            @NotBlank @Size(max = 4000) String justification,
            @NotNull LocalDate decisionDeadline) {
    }

    /** Another lab expresses interest, or pledges money and/or units. */
    public record PledgeInput(
            @NotBlank @Size(max = 80) String lab,
            @NotNull PledgeKind kind,
            @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal amount,
            @Min(0) @Max(1000) Integer quantity,
            @Size(max = 2000) String comment) {
    }

    /** The next status of a proposal. */
    public record Transition(@NotNull ProposalStatus status) {
    }

    public record PledgeView(UUID id, LabRef lab, PledgeKind kind, Money amount, Integer quantity, String comment,
            OffsetDateTime createdAt) {
    }

    public record OwnedItem(UUID item, String name, LabRef lab, long loansLastSixMonths) {
    }

    public record Totals(Money pledged, int pledgedQuantity, int interestedLabs) {
    }

    public record ProposalView(UUID id, LabRef lab, String title, String category, String description,
            int quantity, Money estimatedCost, String justification, LocalDate decisionDeadline, ProposalStatus status,
            List<PledgeView> pledges, Totals totals, List<OwnedItem> networkOwns, List<UUID> items,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }
}
