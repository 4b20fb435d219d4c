package de.stadtlabore.idempotency;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/** The first response to an idempotent request, as kept for its retries. */
record StoredResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** Sent again to a retry, marked as a replay. */
    Response replay() {
        Response.ResponseBuilder response = Response.status(status).entity(body.length == 0 ? null : body);
        headers.forEach((name, values) -> values.forEach(value -> response.header(name, value)));
        return response.header(IdempotencyReplay.HEADER, "true").build();
    }
}
