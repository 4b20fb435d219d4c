package de.stadtlabore.reports;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.access.Scope;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.Violation;

/**
 * Whether sharing in the network is fair: who lent how much to whom, and what each lab put on.
 * For the network's members (people of a member municipality, API keys with the capability's
 * read scope); the public does not see them.
 */
@ApplicationScoped
public class ReportService {

    /** Months a report covers at most. */
    static final int MAX_MONTHS = 36;
    private static final ZoneId NETWORK_ZONE = ZoneId.of("Europe/Berlin");

    @Inject
    ReportRepository reports;

    @Inject
    AccessPolicy policy;

    @Inject
    CurrentCaller currentCaller;

    /** The months [from, to], both given as {@code YYYY-MM}; by default the last twelve up to this one. */
    record Months(YearMonth from, YearMonth to) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportDtos.LendingReport lending(String from, String to) {
        requireMember(Scope.INVENTORY_READ);
        Months months = months(from, to);
        return new ReportDtos.LendingReport(months.from().toString(), months.to().toString(), reports.lending(
                months.from().atDay(1).atStartOfDay(NETWORK_ZONE).toOffsetDateTime(),
                months.to().plusMonths(1).atDay(1).atStartOfDay(NETWORK_ZONE).toOffsetDateTime()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportDtos.EventsReport events(String from, String to) {
        requireMember(Scope.EVENTS_READ);
        Months months = months(from, to);
        return new ReportDtos.EventsReport(months.from().toString(), months.to().toString(), reports.events(
                months.from().atDay(1).atStartOfDay(), months.to().plusMonths(1).atDay(1).atStartOfDay()));
    }

    private void requireMember(Scope capability) {
        policy.requireNetworkMember(currentCaller.get(), capability);
    }

    static Months months(String from, String to) {
        List<Violation> violations = new ArrayList<>();
        YearMonth now = YearMonth.now(NETWORK_ZONE);
        YearMonth end = month("to", to, now, violations);
        YearMonth start = month("from", from, end.minusMonths(11), violations);
        if (violations.isEmpty() && start.isAfter(end)) {
            violations.add(new Violation("to", "field.end-after-start"));
        } else if (violations.isEmpty() && start.plusMonths(MAX_MONTHS).isBefore(end.plusMonths(1))) {
            violations.add(new Violation("to", "field.report-too-long", MAX_MONTHS));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return new Months(start, end);
    }

    private static YearMonth month(String name, String raw, YearMonth fallback, List<Violation> violations) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            YearMonth month = YearMonth.parse(raw.strip());
            if (month.getYear() < 2000 || month.getYear() > 2100) {
                violations.add(new Violation(name, "field.month"));
                return fallback;
            }
            return month;
        } catch (DateTimeParseException e) {
            violations.add(new Violation(name, "field.month"));
            return fallback;
        }
    }
}
