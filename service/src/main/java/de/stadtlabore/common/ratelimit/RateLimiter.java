package de.stadtlabore.common.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import de.stadtlabore.common.persistence.DatabaseGate;
import io.quarkus.scheduler.Scheduled;

/**
 * Counts requests per caller in fixed windows, in PostgreSQL (an unlogged table), so that every
 * replica behind one address shares one allowance. One statement per request, outside the
 * request's transaction, on a small pool of its own ({@code quarkus.datasource.counters}): a
 * request that counts while its transaction holds a connection of the main pool must never wait
 * for a second one there (with as many such requests as connections, none would get one). If
 * the database cannot count, the request is let through rather than refused.
 */
@ApplicationScoped
public class RateLimiter {

    /** The datasource of the counters: same database, a pool of its own, no transactions. */
    public static final String COUNTERS = "counters";
    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final String COUNT = "insert into rate_limit_window (bucket, window_start, hits) values (?, ?, 1)"
            + " on conflict (bucket, window_start) do update set hits = rate_limit_window.hits + 1 returning hits";

    /** A named allowance: {@code quota} requests per {@code window}. */
    public record Policy(String name, int quota, Duration window) {

        /** The {@code RateLimit-Policy} header's item (IETF draft-ietf-httpapi-ratelimit-headers). */
        public String header() {
            return "\"" + name + "\";q=" + quota + ";w=" + window.toSeconds();
        }
    }

    /** What one request used of an allowance. */
    public record Usage(Policy policy, int remaining, long resetSeconds, boolean allowed) {

        /** The {@code RateLimit} header's item. */
        public String header() {
            return "\"" + policy.name() + "\";r=" + remaining + ";t=" + resetSeconds;
        }
    }

    @Inject
    @io.quarkus.agroal.DataSource(COUNTERS)
    DataSource dataSource;

    @Inject
    DatabaseGate databaseGate;

    @Inject
    RateLimitConfig config;

    @Inject
    Clock clock;

    /** Counts a request of {@code subject} against the policy. */
    public Usage consume(Policy policy, String subject) {
        long windowMillis = policy.window().toMillis();
        long now = clock.millis();
        long start = now - Math.floorMod(now, windowMillis);
        long reset = Math.max(1, (start + windowMillis - now + 999) / 1000);
        if (!config.enabled() || databaseGate.isOpen()) {
            // Not counted while the database is unreachable: the request fails fast anyway.
            return new Usage(policy, policy.quota(), reset, true);
        }
        // Never part of the caller's transaction (the pool of the counters has none): the count
        // stands even if the request fails, and a failure to count cannot abort the request's work.
        Integer hits = count(policy.name() + ":" + subject, start);
        if (hits == null) {
            return new Usage(policy, policy.quota(), reset, true);
        }
        return new Usage(policy, Math.max(0, policy.quota() - hits), reset, hits <= policy.quota());
    }

    private Integer count(String bucket, long windowStart) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(COUNT)) {
            count.setString(1, bucket);
            count.setTimestamp(2, Timestamp.from(Instant.ofEpochMilli(windowStart)));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            databaseGate.failed(e);
            LOG.warnf("Rate limits not counted: %s", e.getMessage());
            return null;
        }
    }

    /** Counts and throws {@link RateLimitExceeded} when the allowance is used up. */
    public Usage require(Policy policy, String subject) {
        Usage usage = consume(policy, subject);
        if (!usage.allowed()) {
            throw new RateLimitExceeded(usage);
        }
        return usage;
    }

    /** Forgets windows that ended: older than the longest window configured, and a day more. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldWindows() {
        Duration longest = java.util.stream.Stream.of(config.window(), config.feedWindow(), config.registrationWindow(),
                config.privacyRequestWindow())
                .max(Duration::compareTo).orElseThrow().plusDays(1);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from rate_limit_window where window_start < ?")) {
            delete.setTimestamp(1, Timestamp.from(clock.instant().minus(longest)));
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Old rate-limit windows not removed: %s", e.getMessage());
        }
    }

    /** Anonymous callers, per client address. */
    public Policy anonymous() {
        return new Policy("anonymous", config.anonymous(), config.window());
    }

    /** People with a token, per token subject. */
    public Policy person() {
        return new Policy("person", config.person(), config.window());
    }

    /** Municipal IT, per API key. */
    public Policy apiKey() {
        return new Policy("api-key", config.apiKey(), config.window());
    }

    /** Calendar feeds of anonymous callers, per client address. */
    public Policy feed() {
        return new Policy("feed", config.feed(), config.feedWindow());
    }

    /** Registrations of anonymous callers, per client address. */
    public Policy registration() {
        return new Policy("registration", config.registrationPerAddress(), config.registrationWindow());
    }

    /** Requests for one's data (access, erasure) of anonymous callers, per client address. */
    public Policy privacyRequest() {
        return new Policy("privacy-request", config.privacyRequestPerAddress(), config.privacyRequestWindow());
    }

    /** Requests for the data of one e-mail address, whoever sends them: at most so many mails to it. */
    public Policy privacyRequestEmail() {
        return new Policy("privacy-request-email", config.privacyRequestPerEmail(), config.privacyRequestWindow());
    }

    /** Registrations per e-mail address, whoever sends them. */
    public Policy registrationEmail() {
        return new Policy("registration-email", config.registrationPerEmail(), config.registrationWindow());
    }
}
