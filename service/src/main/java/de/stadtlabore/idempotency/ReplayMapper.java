package de.stadtlabore.idempotency;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Sends the first response to a retried request. */
public class ReplayMapper {

    @ServerExceptionMapper
    public Response replay(IdempotencyReplay replay) {
        return replay.response();
    }
}
