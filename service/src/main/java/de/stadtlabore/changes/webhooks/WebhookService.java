package de.stadtlabore.changes.webhooks;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.access.Action;
import de.stadtlabore.access.Caller;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.changes.ChangeType;
import de.stadtlabore.changes.webhooks.WebhookDtos.CreatedWebhook;
import de.stadtlabore.changes.webhooks.WebhookDtos.DeliveryView;
import de.stadtlabore.changes.webhooks.WebhookDtos.WebhookInput;
import de.stadtlabore.changes.webhooks.WebhookDtos.WebhookView;
import de.stadtlabore.common.http.OutboundUrls;
import de.stadtlabore.common.http.RepresentationTags;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.persistence.NativeSql;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.common.time.Timestamps;

/**
 * A municipality's webhook endpoints: lab administrators (and API keys with
 * {@code webhooks:write}) register, change and remove them, read their delivery logs and send a
 * delivery again. An endpoint receives what its municipality may see.
 */
@ApplicationScoped
public class WebhookService {

    private static final Set<String> DELIVERY_STATUSES = Set.of("pending", "delivered", "failed");

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy policy;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditLog audit;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    RepresentationTags tags;

    @Transactional
    public CreatedWebhook create(WebhookInput input) {
        Caller caller = managing();
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.municipalityId = caller.municipalityId();
        endpoint.secret = WebhookSignature.newSecret();
        endpoint.createdAt = Timestamps.now();
        apply(input, endpoint);
        em.persist(endpoint);
        audit.record("webhook.create", "webhook", endpoint.id.toString(), endpoint.municipalityId);
        return new CreatedWebhook(view(endpoint, caller), endpoint.secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WebhookView> list(PageRequest page) {
        Caller caller = managing();
        List<WebhookEndpoint> endpoints = em.createQuery(
                "from WebhookEndpoint where municipalityId = :m order by createdAt desc, id", WebhookEndpoint.class)
                .setParameter("m", caller.municipalityId()).setFirstResult(page.offset()).setMaxResults(page.size())
                .getResultList();
        long total = em.createQuery("select count(*) from WebhookEndpoint where municipalityId = :m", Long.class)
                .setParameter("m", caller.municipalityId()).getSingleResult();
        return Page.of(endpoints.stream().map(e -> view(e, caller)).toList(), page, total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookView get(UUID id) {
        Caller caller = managing();
        return view(own(id, caller), caller);
    }

    @Transactional
    public WebhookView update(UUID id, String ifMatch, WebhookInput input) {
        Caller caller = managing();
        WebhookEndpoint endpoint = own(id, caller);
        tags.requireMatch(ifMatch, view(endpoint, caller));
        apply(input, endpoint);
        audit.record("webhook.update", "webhook", endpoint.id.toString(), endpoint.municipalityId);
        em.flush();
        return view(endpoint, caller);
    }

    @Transactional
    public void delete(UUID id) {
        Caller caller = managing();
        WebhookEndpoint endpoint = own(id, caller);
        em.remove(endpoint);
        audit.record("webhook.delete", "webhook", endpoint.id.toString(), endpoint.municipalityId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeliveryView> deliveries(UUID id, String status, PageRequest page) {
        Caller caller = managing();
        own(id, caller);
        if (status != null && !DELIVERY_STATUSES.contains(status)) {
            throw ApiException.invalid(List.of(new Violation("status", "field.one-of", "pending, delivered, failed")));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("endpoint", id);
        params.put("status", status);
        String where = " where d.endpoint_id = :endpoint" + (status == null ? "" : " and d.status = :status");
        long total = NativeSql.list(em, "select count(*) from webhook_delivery d" + where, params,
                row -> row.getLong(1)).get(0);
        params.put("limit", page.size());
        params.put("offset", page.offset());
        return Page.of(selectDeliveries(where + " order by d.created_at desc, d.id limit :limit offset :offset", params),
                page, total);
    }

    /** Sends a delivery again, now, with a fresh round of retries. */
    @Transactional
    public DeliveryView redeliver(UUID id, UUID delivery) {
        Caller caller = managing();
        WebhookEndpoint endpoint = own(id, caller);
        if (!endpoint.enabled) {
            throw new ApiException(ProblemType.CONFLICT, "detail.webhook-disabled");
        }
        int updated = em.createNativeQuery("""
                update webhook_delivery set status = 'pending', attempts = 0, next_attempt_at = now()
                where id = :id and endpoint_id = :endpoint""")
                .setParameter("id", delivery).setParameter("endpoint", id).executeUpdate();
        if (updated == 0) {
            throw ApiException.notFound("detail.webhook-delivery-not-found", delivery);
        }
        audit.record("webhook.redeliver", "webhook", endpoint.id.toString(), endpoint.municipalityId);
        return selectDeliveries(" where d.id = :id", Map.of("id", delivery)).get(0);
    }

    /** Deliveries as the log shows them, with the type of their change; {@code tail} narrows and orders. */
    private List<DeliveryView> selectDeliveries(String tail, Map<String, Object> params) {
        return NativeSql.list(em, """
                select d.id, d.change_id, c.type, d.status, d.attempts, d.created_at, d.last_attempt_at,
                       d.next_attempt_at, d.response_status, d.duration_ms, d.error
                from webhook_delivery d join change_event c on c.id = d.change_id""" + tail, params,
                row -> new DeliveryView(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        row.getString(4), row.getInt(5), row.getObject(6, OffsetDateTime.class),
                        row.getObject(7, OffsetDateTime.class), row.getObject(8, OffsetDateTime.class),
                        (Integer) row.getObject(9), (Integer) row.getObject(10), row.getString(11)));
    }

    private Caller managing() {
        Caller caller = currentCaller.get();
        policy.require(caller, Action.WEBHOOK_MANAGE, caller.municipalityId());
        return caller;
    }

    /** An endpoint of the caller's municipality; others' do not exist for them. */
    private WebhookEndpoint own(UUID id, Caller caller) {
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, id);
        if (endpoint == null || !endpoint.municipalityId.equals(caller.municipalityId())) {
            throw ApiException.notFound("detail.webhook-not-found", id);
        }
        return endpoint;
    }

    private void apply(WebhookInput input, WebhookEndpoint endpoint) {
        List<Violation> violations = new ArrayList<>();
        String url = input.url().strip();
        OutboundUrls.Refusal refusal = OutboundUrls.refusal(url, dispatcher.allowed());
        if (refusal != null) {
            violations.add(new Violation("url", switch (refusal) {
                case INVALID -> "field.webhook-url-invalid";
                case NOT_HTTPS -> "field.webhook-url-https";
                case INTERNAL -> "field.webhook-url-internal";
            }));
        }
        Set<String> types = new LinkedHashSet<>();
        List<String> given = input.eventTypes() == null ? List.of() : input.eventTypes();
        for (int i = 0; i < given.size(); i++) {
            String name = given.get(i).strip();
            if (ChangeType.parse(name).isEmpty()) {
                violations.add(new Violation("eventTypes[" + i + "]", "field.one-of",
                        String.join(", ", java.util.Arrays.stream(ChangeType.values()).map(ChangeType::wireName).toList())));
            }
            types.add(name);
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        endpoint.url = url;
        endpoint.description = input.description() == null || input.description().isBlank() ? null
                : input.description().strip();
        endpoint.eventTypes = new ArrayList<>(types);
        boolean enable = input.enabled() == null || input.enabled();
        if (enable && !endpoint.enabled) {
            endpoint.disabledReason = null;
        } else if (!enable && endpoint.enabled) {
            endpoint.disabledReason = "Disabled by the municipality";
        }
        endpoint.enabled = enable;
        endpoint.updatedAt = Timestamps.now();
    }

    private static WebhookView view(WebhookEndpoint e, Caller caller) {
        return new WebhookView(e.id, caller.municipalitySlug(), e.url, e.description, List.copyOf(e.eventTypes),
                e.enabled, e.disabledReason, e.createdAt.withOffsetSameInstant(ZoneOffset.UTC),
                e.updatedAt.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
