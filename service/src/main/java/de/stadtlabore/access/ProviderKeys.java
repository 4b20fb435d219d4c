package de.stadtlabore.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The signing keys of every trusted identity provider, fetched by the service on its own
 * schedule — at start, when a provider is onboarded or changed, then every
 * {@code key-refresh} — and never while a request waits: a token only picks one of the keys
 * already here. A provider onboarded on another replica, which this one has not contacted yet,
 * is fetched in the background when its first token arrives (once), so that it works within
 * seconds everywhere. A token naming a key id that a provider did not have makes the next scheduled
 * check fetch that provider early (a key rotation), at most once per {@code key-recheck-min}.
 * A provider that cannot be reached is tried again after doubling waits; its last good keys
 * stay in use meanwhile, and until it was reached once its users get 503.
 */
@ApplicationScoped
public class ProviderKeys {

    private static final Logger LOG = Logger.getLogger(ProviderKeys.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FIRST_RETRY = Duration.ofSeconds(15);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(8);
    /** What a caller is told to wait while a provider's keys are fetched for the first time. */
    private static final Duration FIRST_FETCH_WAIT = Duration.ofSeconds(2);
    private static final int MAX_DOCUMENT = 512 * 1024;

    /** What a token's key id finds. */
    public sealed interface Lookup {
    }

    /** The provider's key with that id, X.509-encoded in Base64. */
    public record Key(String encoded) implements Lookup {
    }

    /** The provider is known, but has no such key. */
    public record UnknownKey() implements Lookup {
    }

    /** The provider's keys were never fetched; the next attempt is due after {@code retryAfter}. */
    public record Unavailable(Duration retryAfter) implements Lookup {
    }

    /** Where a provider's keys come from: its issuer and the URL of its discovery document. */
    record Source(String issuer, String server) {
    }

    /**
     * What is known of a source: its keys by id (null until fetched once), when it was last
     * contacted, and when it is due again.
     */
    private record State(Map<String, String> keys, int failures, Instant contactedAt, Instant nextAttempt) {
    }

    private final ConcurrentMap<Source, State> states = new ConcurrentHashMap<>();
    /** Threads that contact providers (name resolution blocks), a few at a time. */
    private final ExecutorService fetchers = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task, "provider-keys");
        thread.setDaemon(true);
        return thread;
    });
    /** Sources whose first fetch was started by a token, so that it is started once. */
    private final Set<Source> firstFetches = ConcurrentHashMap.newKeySet();
    /** Sources for which a token named a key they did not have: perhaps they rotated keys. */
    private final Set<Source> unknownKeySeen = ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    IdentityConfig config;

    @Inject
    ProviderUrlPolicy urls;

    @Inject
    Clock clock;

    @PreDestroy
    void close() {
        fetchers.shutdownNow();
    }

    /** How a provider fared at its last contact, for the health check. */
    public record Reachability(String issuer, boolean reachable, boolean hasKeys, int failures, Instant contactedAt) {
    }

    /** Every provider this replica fetches keys from, as it fared at its last contact. */
    public List<Reachability> reachability() {
        return states.entrySet().stream()
                .map(e -> new Reachability(e.getKey().issuer(), e.getValue().failures() == 0, e.getValue().keys() != null,
                        e.getValue().failures(), e.getValue().contactedAt()))
                .sorted(java.util.Comparator.comparing(Reachability::issuer))
                .toList();
    }

    /** The key a token names; reads only what was fetched before. */
    public Lookup lookup(Source source, String kid) {
        State state = states.get(source);
        if (state == null) {
            // A provider this replica was never in touch with: onboarded on another replica a
            // moment ago. Its keys are fetched now, in the background, once.
            fetchFirst(source);
            return new Unavailable(FIRST_FETCH_WAIT);
        }
        if (state.keys() == null) {
            Duration wait = Duration.between(clock.instant(), state.nextAttempt());
            return new Unavailable(wait.isNegative() ? Duration.ofSeconds(1) : wait);
        }
        String encoded = kid != null ? state.keys().get(kid)
                : state.keys().size() == 1 ? state.keys().values().iterator().next() : null;
        if (encoded == null) {
            unknownKeySeen.add(source);
            return new UnknownKey();
        }
        return new Key(encoded);
    }

    /**
     * Fetches the keys of every source that has none yet or is due, and forgets sources no
     * longer trusted. A source whose tokens named an unknown key (a rotation) is due early, but
     * contacted at most once per {@code key-recheck-min}, however many such tokens arrive.
     * The due providers are contacted side by side, so that a start with several unreachable
     * providers waits about one {@link #REQUEST_TIMEOUT}, not one per provider.
     */
    synchronized void refresh(Collection<Source> sources) {
        Set<Source> wanted = Set.copyOf(sources);
        states.keySet().retainAll(wanted);
        unknownKeySeen.retainAll(wanted);
        Instant now = clock.instant();
        List<CompletableFuture<Void>> fetches = new ArrayList<>();
        for (Source source : wanted) {
            State state = states.get(source);
            // Only a provider that answers gets fetched early; a failing one keeps its back-off.
            boolean rotated = state != null && state.failures() == 0 && unknownKeySeen.contains(source)
                    && !now.isBefore(state.contactedAt().plus(config.keyRecheckMin()));
            if (state == null || !now.isBefore(state.nextAttempt()) || rotated) {
                unknownKeySeen.remove(source);
                fetches.add(CompletableFuture.runAsync(() -> states.put(source, fetch(source, state)), fetchers));
            }
        }
        fetches.forEach(CompletableFuture::join);
    }

    /**
     * Fetches the keys of a trusted provider this replica has no state for, off the request
     * thread; a scheduled refresh that got there first wins. Only sources of the provider
     * directory get here, never an issuer a token merely names.
     */
    private void fetchFirst(Source source) {
        if (!firstFetches.add(source)) {
            return;
        }
        try {
            fetchers.execute(() -> {
                try {
                    states.putIfAbsent(source, fetch(source, null));
                } finally {
                    firstFetches.remove(source);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            firstFetches.remove(source);
        }
    }

    private State fetch(Source source, State previous) {
        try {
            JsonNode discovery = get(source.server().replaceAll("/+$", "") + "/.well-known/openid-configuration");
            if (!source.issuer().equals(discovery.path("issuer").asText())) {
                throw new IOException("its discovery document names another issuer: " + discovery.path("issuer"));
            }
            Map<String, String> keys = rsaSigningKeys(get(discovery.path("jwks_uri").asText()));
            if (keys.isEmpty()) {
                throw new IOException("its key set holds no RSA signing key");
            }
            if (previous == null || previous.keys() == null || !previous.keys().equals(keys)) {
                LOG.infof("Signing keys of %s: %s", source.issuer(), keys.keySet());
            }
            return new State(Map.copyOf(keys), 0, clock.instant(), clock.instant().plus(config.keyRefresh()));
        } catch (IOException | JoseException | RuntimeException e) {
            return failed(source, previous, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(source, previous, "interrupted");
        }
    }

    private State failed(Source source, State previous, String reason) {
        int failures = previous == null ? 1 : previous.failures() + 1;
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 20));
        if (wait.compareTo(config.keyRetryMax()) > 0) {
            wait = config.keyRetryMax();
        }
        LOG.warnf("Identity provider %s unreachable (%s); attempt %d, next in %ds", source.issuer(), reason, failures,
                wait.toSeconds());
        return new State(previous == null ? null : previous.keys(), failures, clock.instant(),
                clock.instant().plus(wait));
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        String refusal = urls.refusal(url);
        if (refusal != null) {
            throw new IOException("the URL " + url + " is not allowed (" + refusal + ")");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET().build();
        // One deadline for the whole exchange: a provider that sends its answer slowly, or not at
        // all after the headers, must not hold up the checks of every other provider.
        CompletableFuture<byte[]> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> {
                    try (InputStream body = response.body()) {
                        if (response.statusCode() != 200) {
                            throw new UncheckedIOException(new IOException(url + " answered " + response.statusCode()));
                        }
                        byte[] bytes = body.readNBytes(MAX_DOCUMENT + 1);
                        if (bytes.length > MAX_DOCUMENT) {
                            throw new UncheckedIOException(new IOException(url + " sent more than " + MAX_DOCUMENT + " bytes"));
                        }
                        return bytes;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        try {
            return JSON.readTree(exchange.get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException(url + " did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        }
    }

    private static Map<String, String> rsaSigningKeys(JsonNode set) throws JoseException {
        Map<String, String> keys = new LinkedHashMap<>();
        for (JsonWebKey key : new JsonWebKeySet(set.toString()).getJsonWebKeys()) {
            if (key instanceof RsaJsonWebKey rsa && (key.getUse() == null || "sig".equals(key.getUse()))) {
                keys.put(key.getKeyId() == null ? "" : key.getKeyId(),
                        Base64.getEncoder().encodeToString(rsa.getPublicKey().getEncoded()));
            }
        }
        return keys;
    }
}
