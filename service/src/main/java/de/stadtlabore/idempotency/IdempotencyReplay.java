package de.stadtlabore.idempotency;

import jakarta.ws.rs.core.Response;

/** Ends a retried request with the response of its first run; the operation does not run again. */
class IdempotencyReplay extends RuntimeException {

    /** Marks a response that repeats the first one (as Stripe and others name it). */
    static final String HEADER = "Idempotent-Replayed";

    private final transient StoredResponse first;

    IdempotencyReplay(StoredResponse first) {
        super("replay", null, false, false);
        this.first = first;
    }

    Response response() {
        return first.replay();
    }
}
