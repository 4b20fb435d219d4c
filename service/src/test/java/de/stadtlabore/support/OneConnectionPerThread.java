package de.stadtlabore.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGConnection;

import io.agroal.api.AgroalPoolInterceptor;

/**
 * In every test: a worker thread (a request or a scheduled job) never asks the pool for a
 * second connection while it holds one. Such a thread waits for a connection while keeping one
 * from everybody else: with as many of them at once as the pool has connections, none gets its
 * second one and all of them fail after the acquisition timeout (a pool deadlock). The request
 * that tries it fails here, with where it took the first connection as the cause.
 */
@ApplicationScoped
public class OneConnectionPerThread implements AgroalPoolInterceptor {

    private static final ThreadLocal<Map<Object, Throwable>> HELD = ThreadLocal.withInitial(IdentityHashMap::new);

    @Override
    public void onConnectionAcquire(Connection connection) {
        Map<Object, Throwable> held = HELD.get();
        Object physical = physical(connection);
        if (!held.isEmpty() && !held.containsKey(physical) && Thread.currentThread().getName().startsWith("executor-thread")) {
            throw new IllegalStateException("A second connection for a thread that holds one (a pool deadlock under load)",
                    held.values().iterator().next());
        }
        held.put(physical, new Throwable("The connection this thread holds was taken here"));
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        HELD.get().remove(physical(connection));
    }

    /** Agroal hands out a new wrapper each time; the driver's connection stays the same. */
    private static Object physical(Connection connection) {
        try {
            return connection.unwrap(PGConnection.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
