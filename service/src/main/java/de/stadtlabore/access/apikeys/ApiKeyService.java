package de.stadtlabore.access.apikeys;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.access.Action;
import de.stadtlabore.access.Caller;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.access.Scope;
import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.common.observability.LogContext;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.common.time.Timestamps;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ApiKeyService {

    static final Duration MAX_LIFETIME = Duration.ofDays(366);
    /** Last use is recorded at most this often per key, so that reads do not each cause a write. */
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    @Inject
    ApiKeyRepository keys;

    @Inject
    AccessPolicy policy;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditLog audit;

    /** Creates a key for the caller's own municipality; the secret is in the answer only. */
    @Transactional
    public CreatedApiKey create(ApiKeyInput input) {
        Caller caller = currentCaller.get();
        policy.require(caller, Action.API_KEY_MANAGE, caller.municipalityId());
        OffsetDateTime now = Timestamps.now();
        List<Violation> violations = new ArrayList<>();
        Set<String> scopes = new LinkedHashSet<>();
        for (int i = 0; i < input.scopes().size(); i++) {
            Optional<Scope> scope = Scope.of(input.scopes().get(i));
            if (scope.isEmpty()) {
                violations.add(new Violation("scopes[" + i + "]", "field.unknown-scope", scopeList()));
            } else {
                scopes.add(scope.get().toString());
            }
        }
        if (!input.expiresAt().isAfter(now)) {
            violations.add(new Violation("expiresAt", "field.in-the-future"));
        } else if (input.expiresAt().isAfter(now.plus(MAX_LIFETIME))) {
            violations.add(new Violation("expiresAt", "field.at-most-a-year"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        ApiKeySecrets.NewKey secret = ApiKeySecrets.generate();
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.municipalityId = caller.municipalityId();
        key.name = input.name().strip();
        key.prefix = secret.prefix();
        key.secretHash = ApiKeySecrets.hash(secret.secret());
        key.scopes = new ArrayList<>(scopes);
        key.createdAt = now;
        key.createdBy = caller.subject();
        key.expiresAt = input.expiresAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        keys.persist(key);
        audit.record("api-key.create", "api-key", key.id.toString(), key.municipalityId);
        return new CreatedApiKey(ApiKeyView.of(key, caller.municipalitySlug()), secret.secret());
    }

    @Transactional
    public Page<ApiKeyView> list(PageRequest page) {
        Caller caller = currentCaller.get();
        policy.require(caller, Action.API_KEY_MANAGE, caller.municipalityId());
        var query = keys.find("municipalityId", Sort.descending("createdAt").and("id"), caller.municipalityId());
        List<ApiKeyView> items = query.page(page.page() - 1, page.size()).list().stream()
                .map(k -> ApiKeyView.of(k, caller.municipalitySlug())).toList();
        return Page.of(items, page, query.count());
    }

    /** Revokes a key of the caller's municipality at once; keys of others do not exist for them. */
    @Transactional
    public ApiKeyView revoke(UUID id) {
        Caller caller = currentCaller.get();
        policy.require(caller, Action.API_KEY_MANAGE, caller.municipalityId());
        ApiKey key = keys.findInMunicipality(id, caller.municipalityId())
                .orElseThrow(() -> ApiException.notFound("detail.api-key-not-found", id));
        if (key.revokedAt == null) {
            key.revokedAt = Timestamps.now();
            audit.record("api-key.revoke", "api-key", key.id.toString(), key.municipalityId);
        }
        return ApiKeyView.of(key, caller.municipalitySlug());
    }

    /**
     * The caller a presented key stands for, if it is known, unrevoked and unexpired. In a short
     * transaction of its own that ends before the request's work begins, so that its connection
     * goes back to the pool first; the time of last use is written in it, at most once a minute
     * per key.
     */
    @Transactional
    public Optional<Caller> authenticate(String presented) {
        if (!ApiKeySecrets.looksLikeKey(presented) || presented.length() > 200) {
            return Optional.empty();
        }
        OffsetDateTime now = Timestamps.now();
        Optional<ApiKeyRepository.KeyOf> found = keys.findBySecretHash(ApiKeySecrets.hash(presented))
                .filter(k -> k.key().isUsableAt(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiKey key = found.get().key();
        if (key.lastUsedAt == null || key.lastUsedAt.plus(LAST_USE_RESOLUTION).isBefore(now)) {
            keys.recordUse(key.id, now);
        }
        Caller caller = new Caller(Caller.AuthMethod.API_KEY, "api-key:" + key.prefix, null, key.municipalityId,
                found.get().municipality(), Set.of(), Set.copyOf(key.scopes), key.id, key.name, null);
        LogContext.caller(caller.method().toString(), caller.municipalitySlug());
        return Optional.of(caller);
    }

    private static String scopeList() {
        return String.join(", ", java.util.Arrays.stream(Scope.values()).map(Scope::toString).toList());
    }
}
