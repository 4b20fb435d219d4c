package de.stadtlabore.reports;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import de.stadtlabore.common.persistence.NativeSql;

/** Counts over loans and occurrences, grouped by month, straight from the tables that hold them. */
@ApplicationScoped
class ReportRepository {

    /** Loans that were agreed or took place: approved, handed over or returned. */
    private static final String LENT = "('approved', 'handed-over', 'returned')";

    @Inject
    EntityManager em;

    /**
     * Loans between different municipalities that began in [from, to), by month (Europe/Berlin),
     * lending and borrowing municipality; a loan's days are its length in days, rounded up.
     */
    List<ReportDtos.LendingRow> lending(OffsetDateTime from, OffsetDateTime to) {
        return NativeSql.list(em, """
                select to_char(r.starts_at at time zone 'Europe/Berlin', 'YYYY-MM') as month, om.slug, bm.slug,
                       count(*), sum(ceil(extract(epoch from (r.ends_at - r.starts_at)) / 86400))::bigint
                from reservation r
                join item i on i.id = r.item_id
                join lab il on il.id = i.lab_id
                join municipality om on om.id = il.municipality_id
                join municipality bm on bm.id = r.borrower_municipality_id
                where r.kind = 'loan' and r.status in """ + LENT + """
                  and bm.id <> om.id and r.starts_at >= :from and r.starts_at < :to
                group by 1, 2, 3 order by 1, 2, 3""", Map.of("from", from, "to", to),
                row -> new ReportDtos.LendingRow(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
                        row.getLong(5)));
    }

    /**
     * Occurrences that took place (neither they nor their event cancelled) with local starts in
     * [from, to), by month and lead lab, with their confirmed registrations and seats.
     */
    List<ReportDtos.EventsRow> events(LocalDateTime from, LocalDateTime to) {
        return NativeSql.list(em, """
                with held as (
                    select o.event_id, o.original_start from event_occurrence o
                    where not o.cancelled and o.original_start >= :from and o.original_start < :to
                ), registered as (
                    select r.event_id, r.occurrence, count(*) as registrations, sum(r.seats) as seats
                    from registration r
                    where r.status = 'confirmed' and r.occurrence >= :from and r.occurrence < :to
                    group by r.event_id, r.occurrence
                )
                select to_char(h.original_start, 'YYYY-MM') as month, l.slug, m.slug, count(*),
                       coalesce(sum(g.registrations), 0)::bigint, coalesce(sum(g.seats), 0)::bigint
                from held h
                join event e on e.id = h.event_id
                join lab l on l.id = e.lead_lab_id
                join municipality m on m.id = l.municipality_id
                left join registered g on g.event_id = h.event_id and g.occurrence = h.original_start
                where e.status <> 'cancelled'
                group by 1, 2, 3 order by 1, 2, 3""", Map.of("from", from, "to", to),
                row -> new ReportDtos.EventsRow(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
                        row.getLong(5), row.getLong(6)));
    }
}
