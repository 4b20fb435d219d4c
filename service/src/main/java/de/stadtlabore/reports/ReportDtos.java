package de.stadtlabore.reports;

import java.util.List;

/** The network's reports: counts only, never who. */
public final class ReportDtos {

    private ReportDtos() {
    }

    /** Loans one municipality's labs lent to another's in a month (by the month the loan began). */
    public record LendingRow(String month, String lender, String borrower, long loans, long loanDays) {
    }

    public record LendingReport(String from, String to, List<LendingRow> rows) {
    }

    /** The occurrences a lab led in a month that took place, with their confirmed registrations and seats. */
    public record EventsRow(String month, String lab, String municipality, long occurrences, long registrations,
            long seats) {
    }

    public record EventsReport(String from, String to, List<EventsRow> rows) {
    }
}
