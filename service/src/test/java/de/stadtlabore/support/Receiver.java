package de.stadtlabore.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback: a real HTTP server that keeps what it was sent and answers as
 * told (a status per attempt number, optionally after a delay).
 */
public final class Receiver implements AutoCloseable {

    /** One request as received: lower-case header names, the body as sent. */
    public record Received(Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile IntUnaryOperator status = n -> 204;
    private volatile java.util.function.IntFunction<Duration> delay = n -> Duration.ZERO;

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            int call = calls.incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
                    new ArrayList<>(values)));
            received.add(new Received(headers, new String(body, StandardCharsets.UTF_8)));
            try {
                Thread.sleep(delay.apply(call).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status.applyAsInt(call), -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The status to answer the n-th request with (from 1). */
    public Receiver answering(IntUnaryOperator status) {
        this.status = status;
        return this;
    }

    public Receiver slow(Duration delay) {
        this.delay = n -> delay;
        return this;
    }

    /** Waits before answering the n-th request (from 1) as long as told. */
    public Receiver slow(java.util.function.IntFunction<Duration> delay) {
        this.delay = delay;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until a request matches, up to {@code timeout}; null if none did. */
    public Received await(Predicate<Received> match, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Received r : received) {
                if (match.test(r)) {
                    return r;
                }
            }
            Thread.sleep(50);
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
