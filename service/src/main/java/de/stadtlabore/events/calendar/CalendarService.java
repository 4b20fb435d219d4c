package de.stadtlabore.events.calendar;

import java.time.Instant;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.access.Action;
import de.stadtlabore.access.Caller;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.access.IdentityProviderService;
import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.common.security.Secrets;
import de.stadtlabore.common.time.Timestamps;
import de.stadtlabore.events.Event;
import de.stadtlabore.events.EventRepository;
import de.stadtlabore.labs.LabService;
import de.stadtlabore.municipalities.MunicipalityService;
import io.quarkus.panache.common.Sort;

/**
 * iCalendar feeds of public events — for one event, a lab, a municipality or the whole
 * network — and private feeds that also carry network-internal events, through revocable
 * tokens that lab staff create.
 */
@ApplicationScoped
public class CalendarService {

    static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);
    /** Feeds carry events (and series) that ended up to this long ago, besides everything to come. */
    static final Duration PAST_EVENTS = Duration.ofDays(180);
    static final Duration MAX_LIFETIME = Duration.ofDays(366);

    @Inject
    EventRepository events;

    @Inject
    FeedTokenRepository tokens;

    @Inject
    FeedCache cache;

    @Inject
    AccessPolicy policy;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditLog audit;

    @Inject
    IdentityProviderService providers;

    @Inject
    LabService labs;

    @Inject
    MunicipalityService municipalities;

    @ConfigProperty(name = "stadtlabore.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /**
     * @param token a private feed token, or null for public events only
     * @param lab, municipality, event at most one of them narrows the feed
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FeedCache.Feed feed(String name, String token, String lab, String municipality, UUID event) {
        if (lab != null && labs.find(lab).isEmpty()) {
            throw ApiException.notFound("detail.lab-not-found", lab);
        }
        if (municipality != null && municipalities.find(municipality).isEmpty()) {
            throw ApiException.notFound("detail.municipality-not-found", municipality);
        }
        boolean network = token != null && valid(token);
        if (token != null && !network) {
            throw new ApiException(ProblemType.FORBIDDEN, "detail.feed-token-invalid");
        }
        return cache.get(new FeedCache.Key(name, network, lab, municipality, event), () -> {
            List<Event> selected = events.forCalendar(network, lab, municipality, event,
                    Instant.now().minus(PAST_EVENTS));
            if (event != null && selected.isEmpty()) {
                throw ApiException.notFound("detail.event-not-found", event);
            }
            String host = publicUrl.replaceFirst("^https?://", "").replaceFirst("[:/].*$", "");
            return ICalendarWriter.write(name, host, publicUrl + "/events/", selected);
        });
    }

    @Transactional
    public FeedTokenView create(FeedTokenInput input) {
        Caller c = caller.get();
        policy.require(c, Action.FEED_TOKEN_MANAGE, c.municipalityId());
        String secret = "slf_" + Secrets.random(24);
        FeedToken token = new FeedToken();
        token.id = UUID.randomUUID();
        token.municipalityId = c.municipalityId();
        token.name = input.name().strip();
        token.tokenHash = Secrets.sha256Hex(secret);
        token.createdBy = c.subject();
        token.creatorIssuer = c.issuer();
        token.createdAt = Timestamps.now();
        token.expiresAt = input.expiresAt() == null ? token.createdAt.plus(DEFAULT_LIFETIME)
                : input.expiresAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        if (!token.expiresAt.isAfter(token.createdAt) || token.expiresAt.isAfter(token.createdAt.plus(MAX_LIFETIME))) {
            throw ApiException.invalid(List.of(new Violation("expiresAt", "field.expires-within-a-year")));
        }
        tokens.persist(token);
        audit.record("feed-token.create", "feed-token", token.id.toString(), token.municipalityId);
        return new FeedTokenView(token.id, token.name, token.createdAt, token.createdBy, token.expiresAt, null, secret,
                publicUrl + "/events.ics?token=" + secret);
    }

    @Transactional
    public Page<FeedTokenView> list(PageRequest page) {
        Caller c = caller.get();
        policy.require(c, Action.FEED_TOKEN_MANAGE, c.municipalityId());
        var query = tokens.find("municipalityId", Sort.descending("createdAt").and("id"), c.municipalityId());
        return Page.of(query.page(page.page() - 1, page.size()).list().stream().map(CalendarService::view).toList(),
                page, query.count());
    }

    @Transactional
    public FeedTokenView revoke(UUID id) {
        Caller c = caller.get();
        policy.require(c, Action.FEED_TOKEN_MANAGE, c.municipalityId());
        FeedToken token = tokens.find("id = ?1 and municipalityId = ?2", id, c.municipalityId()).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("detail.feed-token-not-found", id));
        if (token.revokedAt == null) {
            token.revokedAt = Timestamps.now();
            audit.record("feed-token.revoke", "feed-token", token.id.toString(), token.municipalityId);
        }
        return view(token);
    }

    /** Not revoked, not expired, and its creator's provider still trusted by the municipality. */
    private boolean valid(String token) {
        return tokens.find("tokenHash = ?1 and revokedAt is null and expiresAt > ?2", Secrets.sha256Hex(token),
                Timestamps.now()).firstResultOptional()
                // Tokens made before creators were recorded cannot be checked: they no longer work.
                .filter(t -> t.creatorIssuer != null && providers.trusts(t.municipalityId, t.creatorIssuer))
                .isPresent();
    }

    private static FeedTokenView view(FeedToken t) {
        return new FeedTokenView(t.id, t.name, t.createdAt, t.createdBy, t.expiresAt, t.revokedAt, null, null);
    }

}
