package de.stadtlabore.audit;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import de.stadtlabore.access.Caller;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.common.http.RequestIds;
import de.stadtlabore.common.time.Timestamps;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/** Records every write in the same transaction as the write itself. */
@ApplicationScoped
public class AuditLog {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    CurrentVertxRequest request;

    @Inject
    AuditRepository events;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String targetType, String targetId, UUID municipalityId) {
        Caller caller = currentCaller.get();
        AuditEvent event = event(action, targetType, targetId, municipalityId);
        event.actorType = caller.method() == Caller.AuthMethod.API_KEY ? "api-key" : "user";
        event.actorSubject = caller.subject() == null ? "anonymous" : caller.subject();
        event.actorIssuer = caller.issuer();
        if (caller.method() == Caller.AuthMethod.OIDC) {
            event.actorName = caller.displayName();
            event.actorEmail = caller.email();
        }
        event.apiKeyId = caller.apiKeyId();
        event.requestId = RequestIds.of(request.getCurrent());
        events.persist(event);
    }

    /** A change made by the service itself, e.g. a scheduled job expiring a request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSystem(String job, String action, String targetType, String targetId, UUID municipalityId) {
        AuditEvent event = event(action, targetType, targetId, municipalityId);
        event.actorType = "system";
        event.actorSubject = job;
        events.persist(event);
    }

    private static AuditEvent event(String action, String targetType, String targetId, UUID municipalityId) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.occurredAt = Timestamps.now();
        event.municipalityId = municipalityId;
        event.action = action;
        event.targetType = targetType;
        event.targetId = targetId;
        return event;
    }
}
