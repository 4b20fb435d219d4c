package de.stadtlabore.inventory.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** How an item is lent: longest loan, notice needed, deposit, briefing, pickup. */
public record LendingTerms(
        @NotNull @Min(1) @Max(365) Integer maxLoanDays,
        @NotNull @Min(0) @Max(8760) Integer minNoticeHours,
        @Valid Money deposit,
        @NotNull Boolean briefingRequired,
        @Size(max = 2000) String pickupNotes) {
}
