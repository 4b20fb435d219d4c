package de.stadtlabore.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.jboss.logging.Logger;

import de.stadtlabore.inventory.ReservationStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * What the network does, for dashboards and alerts beside the per-operation HTTP metrics
 * ({@code http_server_requests_seconds} by method, route template, status and outcome):
 * reservations by status, seats taken in occurrences still to come, the waiting lists, and the
 * webhook backlog. Counted in the database every {@code stadtlabore.metrics.refresh} (30 s) and
 * served from memory, so that a scrape never waits for the database; every replica reports the
 * same network-wide figures (use {@code max} across replicas). While the database is down the
 * last figures stay, and {@code stadtlabore_business_metrics_age_seconds} grows.
 */
@ApplicationScoped
public class BusinessMetrics {

    private static final Logger LOG = Logger.getLogger(BusinessMetrics.class);

    private final Map<String, AtomicLong> reservations = new ConcurrentHashMap<>();
    private final AtomicLong seatsTaken = new AtomicLong();
    private final AtomicLong waitlisted = new AtomicLong();
    private final AtomicLong webhookPending = new AtomicLong();
    private final AtomicLong webhookDue = new AtomicLong();
    private final AtomicLong endpointsDisabled = new AtomicLong();
    private volatile long refreshedAt;

    @Inject
    MeterRegistry registry;

    @Inject
    DataSource dataSource;

    void register(@Observes StartupEvent start) {
        for (ReservationStatus status : ReservationStatus.values()) {
            AtomicLong count = reservations.computeIfAbsent(status.wireName(), s -> new AtomicLong());
            Gauge.builder("stadtlabore.reservations", count, AtomicLong::get).tags(Tags.of("status", status.wireName()))
                    .description("Reservations and loans by status").register(registry);
        }
        gauge("stadtlabore.seats.taken", seatsTaken, "Confirmed seats of occurrences that have not ended");
        gauge("stadtlabore.registrations.waitlisted", waitlisted, "Registrations on waiting lists of occurrences to come");
        gauge("stadtlabore.webhook.deliveries.pending", webhookPending, "Webhook deliveries not yet delivered (the backlog)");
        gauge("stadtlabore.webhook.deliveries.due", webhookDue, "Pending webhook deliveries whose attempt is due now");
        gauge("stadtlabore.webhook.endpoints.disabled", endpointsDisabled, "Webhook endpoints disabled after failing");
        Gauge.builder("stadtlabore.business.metrics.age", this,
                m -> m.refreshedAt == 0 ? Double.NaN : (System.currentTimeMillis() - m.refreshedAt) / 1000.0)
                .baseUnit("seconds").description("Age of the business figures").register(registry);
    }

    private void gauge(String name, AtomicLong value, String description) {
        Gauge.builder(name, value, AtomicLong::get).description(description).register(registry);
    }

    /** Counts again; keeps the last figures if the database cannot be reached. */
    @Scheduled(every = "${stadtlabore.metrics.refresh:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Map<String, Long> byStatus = new ConcurrentHashMap<>();
            try (ResultSet rows = statement.executeQuery("select status, count(*) from reservation group by status")) {
                while (rows.next()) {
                    byStatus.put(rows.getString(1), rows.getLong(2));
                }
            }
            reservations.forEach((status, count) -> count.set(byStatus.getOrDefault(status, 0L)));
            try (ResultSet rows = statement.executeQuery("""
                    select coalesce(sum(seats) filter (where status = 'confirmed'), 0),
                           count(*) filter (where status = 'waitlisted')
                    from registration where occurrence_ends_at > now() and status in ('confirmed', 'waitlisted')""")) {
                rows.next();
                seatsTaken.set(rows.getLong(1));
                waitlisted.set(rows.getLong(2));
            }
            try (ResultSet rows = statement.executeQuery("""
                    select count(*), count(*) filter (where next_attempt_at <= now())
                    from webhook_delivery where status = 'pending'""")) {
                rows.next();
                webhookPending.set(rows.getLong(1));
                webhookDue.set(rows.getLong(2));
            }
            try (ResultSet rows = statement.executeQuery("select count(*) from webhook_endpoint where not enabled")) {
                rows.next();
                endpointsDisabled.set(rows.getLong(1));
            }
            refreshedAt = System.currentTimeMillis();
        } catch (SQLException e) {
            LOG.warnf("Business metrics not counted: %s", e.getMessage());
        }
    }
}
