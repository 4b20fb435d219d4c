package de.stadtlabore.audit;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import de.stadtlabore.common.paging.Page;
import de.stadtlabore.municipalities.MunicipalityRepository;

/** Audit records → views, with municipality slugs resolved in one query per page. */
@ApplicationScoped
public class AuditViews {

    @Inject
    MunicipalityRepository municipalities;

    @Transactional
    public Page<AuditEventView> of(Page<AuditEvent> page) {
        var ids = page.items().stream().map(e -> e.municipalityId).filter(Objects::nonNull).distinct().toList();
        Map<UUID, String> slugs = ids.isEmpty() ? Map.of()
                : municipalities.list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(m -> m.id, m -> m.slug, (a, b) -> a));
        Function<AuditEvent, AuditEventView> view = e -> new AuditEventView(e.id, e.occurredAt,
                e.municipalityId == null ? null : slugs.get(e.municipalityId),
                new AuditEventView.Actor(e.actorType, e.actorSubject, e.actorIssuer, e.apiKeyId), e.action,
                e.targetType + ":" + e.targetId, e.requestId);
        return page.map(view);
    }
}
