package de.stadtlabore.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the table of occurrences ({@code event_occurrence}) in step with the events: every write
 * that changes when an event takes place rebuilds its rows in the same transaction, so that the
 * calendar reads a window with one range query. Events written by SQL (a migration, the demo
 * data, a change by hand, which a trigger marks) are indexed when the service starts, in batches
 * that several replicas share ({@code skip locked}), and then every minute; the service is not
 * ready before the first round is done.
 */
@ApplicationScoped
public class OccurrenceIndex {

    private static final Logger LOG = Logger.getLogger(OccurrenceIndex.class);
    /** Up to this many unindexed events are indexed before the service starts; more in the background. */
    private static final int INDEX_BEFORE_START = 500;
    private static final int BATCH = 100;
    /** Far enough for the last of a series' occurrences (at most 1,000 of them). */
    private static final Instant END_OF_SERIES = Instant.parse("+12000-01-01T00:00:00Z");

    @Inject
    EntityManager em;

    @Inject
    EventRepository events;

    private volatile boolean complete;

    /** Rebuilds the occurrences of an event that was just created or changed, in its transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rebuild(Event event) {
        em.flush();
        write(List.of(event));
    }

    void onStart(@Observes StartupEvent start) {
        long waiting = QuarkusTransaction.requiringNew().call(
                () -> ((Number) em.createNativeQuery("select count(*) from event where not occurrences_indexed")
                        .getSingleResult()).longValue());
        if (waiting <= INDEX_BEFORE_START) {
            indexAll();
            return;
        }
        LOG.infof("Indexing the occurrences of %d events in the background; ready when done", waiting);
        Thread worker = new Thread(this::indexAll, "occurrence-index");
        worker.setDaemon(true);
        worker.start();
    }

    /** Events changed by hand since; the first round runs at start. */
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void indexChanged() {
        if (complete) {
            indexAll();
        }
    }

    /** Indexes every event not yet indexed, batch by batch, each batch in a transaction of its own. */
    void indexAll() {
        long started = System.nanoTime();
        int indexed = 0;
        for (int n = BATCH; n == BATCH; indexed += n) {
            n = QuarkusTransaction.requiringNew().call(this::indexBatch);
        }
        complete = true;
        if (indexed > 0) {
            LOG.infof("Indexed the occurrences of %d events in %d ms", indexed,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }

    private int indexBatch() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from event where not occurrences_indexed order by id limit "
                + BATCH + " for update skip locked", UUID.class).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        write(events.withDetails(ids));
        return ids.size();
    }

    private void write(List<Event> batch) {
        em.unwrap(Session.class).doWork(connection -> write(connection, batch));
    }

    private static void write(Connection connection, List<Event> batch) throws SQLException {
        UUID[] ids = batch.stream().map(e -> e.id).toArray(UUID[]::new);
        try (PreparedStatement delete = connection.prepareStatement("delete from event_occurrence where event_id = any(?)");
                PreparedStatement insert = connection.prepareStatement("insert into event_occurrence"
                        + " (event_id, original_start, starts_at, ends_at, cancelled, moved, public)"
                        + " values (?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement done = connection.prepareStatement(
                        "update event e set occurrences_indexed = true, last_ends_at = (select max(o.ends_at)"
                                + " from event_occurrence o where o.event_id = e.id) where e.id = any(?)")) {
            delete.setArray(1, connection.createArrayOf("uuid", ids));
            delete.executeUpdate();
            for (Event event : batch) {
                Instant first = event.startsLocal.atZone(ZoneId.of(event.timeZone)).toInstant().minus(Duration.ofDays(2));
                for (Occurrence o : Recurrences.expand(event, first, END_OF_SERIES)) {
                    insert.setObject(1, event.id);
                    insert.setObject(2, o.originalStart());
                    insert.setObject(3, o.start().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
                    insert.setObject(4, o.end().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
                    insert.setBoolean(5, o.cancelled());
                    insert.setBoolean(6, o.moved());
                    insert.setBoolean(7, event.isPublic());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
            done.setArray(1, connection.createArrayOf("uuid", ids));
            done.executeUpdate();
        }
    }

    /** Whether every event is indexed (the service is not ready before). */
    boolean complete() {
        return complete;
    }

    /** Readiness: not before the occurrences of every event are indexed. */
    @ApplicationScoped
    @Readiness
    static class Ready implements HealthCheck {

        @Inject
        OccurrenceIndex index;

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("occurrence-index").status(index.complete()).build();
        }
    }
}
