package de.stadtlabore.idempotency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;

/**
 * Runs an operation at most once per idempotency key. The operation, the lock on its key and the
 * kept response share one transaction: either the work and its response are both stored or
 * neither is, on any replica, even if the process dies in between. A retry finds the response
 * and gets it again; a retry while the first run still holds the key gets 409; the same key for
 * something else gets 422.
 */
@ApplicationScoped
public class IdempotencyService {

    @Inject
    IdempotencyRepository keys;

    @Inject
    IdempotencyConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /**
     * @param work    the operation, joining the transaction begun here
     * @param answer  the response the operation's result becomes
     * @param refusal the response a refusal by the operation's rules becomes (not found, a
     *                conflict, a forbidden step): kept too, so that a retry is refused alike
     */
    Object perform(IdempotentRequest request, Callable<Object> work, Function<Object, StoredResponse> answer,
            Function<ApiException, StoredResponse> refusal) throws Exception {
        ApiException[] refused = new ApiException[1];
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!keys.tryLock(request.id())) {
                    throw new ApiException(ProblemType.REQUEST_IN_PROGRESS, "detail.idempotency-in-progress");
                }
                OffsetDateTime now = now();
                Optional<IdempotencyRepository.Kept> kept = keys.find(request.id(), expiredBefore(now));
                if (kept.isPresent()) {
                    if (!request.asks(kept.get().fingerprint())) {
                        throw new ApiException(ProblemType.IDEMPOTENCY_KEY_REUSED, "detail.idempotency-key-reused");
                    }
                    throw new IdempotencyReplay(read(request.open(kept.get().response())));
                }
                Object result;
                try {
                    result = work.call();
                } catch (ApiException e) {
                    refused[0] = e;
                    throw e;
                }
                keep(request, answer.apply(result), now);
                return result;
            });
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof Exception cause && !(cause instanceof RuntimeException)) {
                throw cause; // a checked exception of the operation, wrapped by call()
            }
            throw e;
        } catch (ApiException e) {
            if (e == refused[0] && kept(e)) {
                // The operation's own transaction is gone; the refusal is kept in one of its own.
                // Should a retry have run in between, its response stays.
                StoredResponse response = refusal.apply(e);
                QuarkusTransaction.requiringNew().run(() -> keep(request, response, now()));
            }
            throw e;
        }
    }

    /** Forgets keys older than the retention period; returns how many. */
    int purgeExpired() {
        return QuarkusTransaction.requiringNew().call(() -> keys.purge(expiredBefore(now())));
    }

    /**
     * Refusals by the operation's rules are kept; invalid input (the client corrects it and may
     * use the key again) and exhausted allowances (try again later) are not.
     */
    private static boolean kept(ApiException e) {
        int status = e.type().status();
        return status >= 400 && status < 500 && e.type() != ProblemType.VALIDATION_FAILED
                && e.type() != ProblemType.MALFORMED_BODY && e.type() != ProblemType.BAD_REQUEST
                && e.type() != ProblemType.TOO_MANY_REQUESTS;
    }

    private void keep(IdempotentRequest request, StoredResponse response, OffsetDateTime now) {
        keys.keep(request.id(), request.fingerprint(), response.status(), request.seal(write(response)), now,
                expiredBefore(now));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private OffsetDateTime expiredBefore(OffsetDateTime now) {
        return now.minus(config.retention());
    }

    private byte[] write(StoredResponse response) {
        try {
            return json.writeValueAsBytes(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StoredResponse read(byte[] bytes) {
        try {
            return json.readValue(bytes, StoredResponse.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
