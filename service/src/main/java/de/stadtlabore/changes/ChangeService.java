package de.stadtlabore.changes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.common.time.Timestamps;

/**
 * The network's changes, for integrators: features record what changed in the transaction of
 * the change itself (a transactional outbox); the change feed lists them in commit order, and
 * webhooks deliver them.
 */
@ApplicationScoped
public class ChangeService {

    static final int MAX_LIMIT = 500;
    private static final String CURSOR_PREFIX = "p";

    @Inject
    ChangeRepository changes;

    @Inject
    AccessPolicy policy;

    @Inject
    CurrentCaller caller;

    @Inject
    ObjectMapper json;

    @Inject
    Event<ChangesRecorded> recorded;

    @Inject
    ChangeConfig config;

    /** Fired once a transaction that recorded changes has committed: the relay need not wait for its next round. */
    public record ChangesRecorded() {
    }

    /**
     * Records a change in the current transaction: it is published if and only if the change
     * itself commits. {@code data} says what the change is about; never personal data.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ChangeType type, Audience audience, Map<String, Object> data) {
        try {
            changes.insert(UUID.randomUUID(), type, audience, Timestamps.now(), json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A change's data is always JSON", e);
        }
        recorded.fire(new ChangesRecorded());
    }

    /**
     * The changes after {@code cursor} (from the first if null) that the caller may see, of the
     * given types (every type if empty), oldest first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChangeFeed after(String cursor, List<String> typeNames, int limit) {
        long after = position(cursor);
        List<String> types = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (String name : typeNames) {
            ChangeType.parse(name).ifPresentOrElse(t -> types.add(t.wireName()),
                    () -> violations.add(new Violation("types", "field.one-of", String.join(", ", allTypes()))));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations.subList(0, 1));
        }
        long pruned = changes.prunedThrough();
        if (cursor != null && after < pruned) {
            throw new ApiException(ProblemType.CURSOR_EXPIRED, "detail.cursor-expired", config.retention().toDays());
        }
        // What remains below the pruned position (changes still waiting for a delivery) is not
        // listed: every cursor handed out lies at or after it.
        long from = Math.max(after, pruned);
        sequence();
        List<ChangeRepository.Stored> rows = changes.after(from, types, policy.changeView(caller.get()), limit + 1);
        boolean more = rows.size() > limit;
        List<ChangeRepository.Stored> page = more ? rows.subList(0, limit) : rows;
        long last = page.isEmpty() ? from : page.get(page.size() - 1).position();
        return new ChangeFeed(page.stream().map(ChangeService::change).toList(), cursor(last), more);
    }

    /** Prunes the changes past their retention; returns how many went. */
    public int prune() {
        return QuarkusTransaction.requiringNew().call(() -> changes.prune(Timestamps.now().minus(config.retention())));
    }

    /**
     * Gives positions to what committed since (in the current transaction, or in one of its own);
     * false if another replica is at it.
     */
    public boolean sequence() {
        return QuarkusTransaction.joiningExisting().call(changes::sequence);
    }

    static Change change(ChangeRepository.Stored row) {
        return new Change(row.id().toString(), row.type(), row.occurredAt(), row.data());
    }

    static List<String> allTypes() {
        return java.util.Arrays.stream(ChangeType.values()).map(ChangeType::wireName).toList();
    }

    static String cursor(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    private static long position(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(CURSOR_PREFIX)) {
                long position = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // not a cursor of ours: refused below
        }
        throw ApiException.invalid(List.of(new Violation("after", "field.cursor")));
    }
}
