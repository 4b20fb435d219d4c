package de.stadtlabore.changes.webhooks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;

import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.changes.ChangeVisibility;
import de.stadtlabore.common.http.OutboundUrls;
import de.stadtlabore.common.persistence.AdvisoryLocks;

/**
 * Turns sequenced changes into deliveries (one per endpoint that may see the change and wants
 * its type) and sends them. Each delivery is sent by one replica at a time: it stays locked
 * ({@code FOR UPDATE SKIP LOCKED}) in the transaction that sends it and records the outcome, so
 * a replica that dies mid-delivery leaves it pending for the next one. At least once, in the
 * order is not guaranteed (senders work in parallel): the change id and timestamp tell.
 */
@ApplicationScoped
class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int FAN_OUT_BATCH = 1000;
    private static final int MAX_ERROR = 500;

    /** A delivery that is due, with what it needs to be sent. */
    record Due(UUID id, UUID endpoint, UUID municipality, String url, String secret, int attempts, String changeId,
            String type, OffsetDateTime occurredAt, String data) {
    }

    /** What a receiver answered: its status, or why there was no answer. */
    record Outcome(Integer status, long millis, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    WebhookConfig config;

    @Inject
    AccessPolicy policy;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @Inject
    Tracer tracer;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Creates the deliveries of the changes sequenced since the last fan-out, for the endpoints
     * enabled now, by the access policy's reach of each change; one replica at a time.
     */
    int fanOut() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (!AdvisoryLocks.tryLock(em, "webhooks:fan-out")) {
                return 0;
            }
            String visible = ChangeVisibility.sql(policy.changeViewOf(null), "batch", "e.municipality_id");
            Number fanned = (Number) em.createNativeQuery("""
                    with batch as (
                        select c.* from change_event c
                        where c.position > (select position from webhook_fanout where id = 1)
                        order by c.position limit %d
                    ), fanned as (
                        insert into webhook_delivery (id, endpoint_id, change_id, status, next_attempt_at, created_at)
                        select gen_random_uuid(), e.id, batch.id, 'pending', now(), now()
                        from batch join webhook_endpoint e
                          on e.enabled and (cardinality(e.event_types) = 0 or batch.type = any(e.event_types))
                          and %s
                        order by batch.position
                        on conflict (endpoint_id, change_id) do nothing
                        returning 1
                    ), moved as (
                        update webhook_fanout set position = (select max(position) from batch)
                        where id = 1 and exists (select 1 from batch)
                    )
                    select count(*) from fanned""".formatted(FAN_OUT_BATCH, visible))
                    .getSingleResult();
            return fanned.intValue();
        });
    }

    /** Whether a delivery is due now (one index probe): the senders need not look otherwise. */
    boolean anyDue() {
        return QuarkusTransaction.joiningExisting().call(() -> (Boolean) em.createNativeQuery(
                "select exists (select 1 from webhook_delivery where status = 'pending' and next_attempt_at <= now())")
                .getSingleResult());
    }

    /**
     * Sends one due delivery, if there is one this replica may take; false if none. Traced as
     * one span (with its SQL statements inside) when tracing is on.
     */
    boolean deliverOne() {
        Span span = tracer.spanBuilder("webhook delivery").setSpanKind(SpanKind.CLIENT).startSpan();
        try (Scope scope = span.makeCurrent()) {
            return deliverOne(span);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private boolean deliverOne(Span span) {
        return QuarkusTransaction.requiringNew().timeout((int) config.timeout().multipliedBy(3).toSeconds() + 10)
                .call(() -> {
                    @SuppressWarnings("unchecked")
                    List<Object[]> rows = em.createNativeQuery("""
                            select d.id, e.id as endpoint, e.municipality_id, e.url, e.secret, d.attempts, c.id as change,
                                   c.type, c.occurred_at, c.data::text
                            from webhook_delivery d
                            join webhook_endpoint e on e.id = d.endpoint_id
                            join change_event c on c.id = d.change_id
                            where d.status = 'pending' and d.next_attempt_at <= now() and e.enabled
                            order by d.next_attempt_at, c.position
                            limit 1
                            for update of d skip locked""").getResultList();
                    if (rows.isEmpty()) {
                        return false;
                    }
                    Object[] r = rows.get(0);
                    Due due = new Due((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (String) r[4],
                            ((Number) r[5]).intValue(), r[6].toString(), (String) r[7], offset(r[8]), (String) r[9]);
                    span.setAttribute("webhook.endpoint", due.endpoint().toString());
                    span.setAttribute("webhook.id", due.changeId());
                    span.setAttribute("webhook.attempt", due.attempts() + 1L);
                    Outcome outcome = send(due);
                    if (outcome.status() != null) {
                        span.setAttribute("http.response.status_code", outcome.status().longValue());
                    }
                    if (!outcome.delivered()) {
                        span.setStatus(StatusCode.ERROR);
                    }
                    record(due, outcome);
                    return true;
                });
    }

    /** The body of a delivery: the same for every attempt. */
    byte[] body(Due due) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", due.type());
        body.put("timestamp", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(due.occurredAt().withOffsetSameInstant(ZoneOffset.UTC)));
        body.put("data", new RawValue(due.data()));
        return json.writeValueAsBytes(body);
    }

    private Outcome send(Due due) {
        long started = System.nanoTime();
        try {
            URI uri = URI.create(due.url());
            // Where the name points now: a receiver's name may have been moved inside our network since.
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (OutboundUrls.refusal(address, allowed()) != null) {
                    return new Outcome(null, 0, "The receiver's address is inside the service's network: refused");
                }
            }
            byte[] body = body(due);
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.timeout())
                    .header("content-type", "application/json")
                    .header("user-agent", "Stadtlabore-Webhooks/1")
                    .header("webhook-id", due.changeId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(due.secret(), due.changeId(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), millisSince(started), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Delivery interrupted: the service is stopping", e);
        } catch (IOException | RuntimeException e) {
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Outcome(null, millisSince(started), error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
        }
    }

    private void record(Due due, Outcome outcome) {
        int attempts = due.attempts() + 1;
        List<Duration> schedule = config.retrySchedule();
        String status;
        OffsetDateTime next = null;
        if (outcome.delivered()) {
            status = "delivered";
        } else if (attempts > schedule.size()) {
            status = "failed";
        } else {
            status = "pending";
            next = OffsetDateTime.now(ZoneOffset.UTC).plus(schedule.get(attempts - 1));
        }
        em.createNativeQuery("""
                update webhook_delivery set status = :status, attempts = :attempts, next_attempt_at = :next,
                    last_attempt_at = now(), response_status = :code, duration_ms = :millis, error = :error
                where id = :id""").unwrap(NativeQuery.class)
                .setParameter("status", status).setParameter("attempts", attempts)
                .setParameter("next", next, OffsetDateTime.class)
                .setParameter("code", outcome.status(), Integer.class).setParameter("millis", (int) outcome.millis())
                .setParameter("error", outcome.error(), String.class).setParameter("id", due.id()).executeUpdate();
        if (next != null) {
            // The receiver is failing: its other deliveries wait as long as this one, so that a broken
            // receiver costs one attempt per interval, not one per change, and delays nobody else's.
            em.createNativeQuery("""
                    update webhook_delivery set next_attempt_at = :next where id in (
                        select id from webhook_delivery where endpoint_id = :endpoint and status = 'pending'
                          and id <> :id and next_attempt_at < :next for update skip locked)""")
                    .setParameter("next", next).setParameter("endpoint", due.endpoint()).setParameter("id", due.id())
                    .executeUpdate();
        } else if (outcome.delivered()) {
            // It answers again: what waited for it is due now.
            em.createNativeQuery("""
                    update webhook_delivery set next_attempt_at = now() where id in (
                        select id from webhook_delivery where endpoint_id = :endpoint and status = 'pending'
                          and next_attempt_at > now() for update skip locked)""")
                    .setParameter("endpoint", due.endpoint()).executeUpdate();
        }
        if (status.equals("failed")) {
            String reason = "Deliveries failed for a day; the last attempt: "
                    + (outcome.status() != null ? "HTTP " + outcome.status() : outcome.error());
            em.createNativeQuery("""
                    update webhook_endpoint set enabled = false, disabled_reason = :reason, updated_at = now(),
                        version = version + 1
                    where id = :id and enabled""")
                    .setParameter("reason", reason.length() > MAX_ERROR ? reason.substring(0, MAX_ERROR) : reason)
                    .setParameter("id", due.endpoint()).executeUpdate();
            audit.recordSystem("webhook-delivery", "webhook.disable", "webhook", due.endpoint().toString(),
                    due.municipality());
            LOG.warnf("Webhook %s disabled: %s", due.endpoint(), reason);
        }
    }

    OutboundUrls.Allowed allowed() {
        return new OutboundUrls.Allowed(config.allowHttp(), config.allowLoopback(), config.allowPrivateNetworks());
    }

    private static long millisSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    private static OffsetDateTime offset(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
