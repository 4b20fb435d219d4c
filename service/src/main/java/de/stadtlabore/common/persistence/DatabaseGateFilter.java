package de.stadtlabore.common.persistence;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every API request meets the {@link DatabaseGate} first: while it is open, 503 at once. */
public class DatabaseGateFilter {

    @Inject
    DatabaseGate gate;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 10)
    public void check() {
        gate.check();
    }
}
