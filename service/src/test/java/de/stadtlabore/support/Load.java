package de.stadtlabore.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Clients that send requests in a loop until stopped, and what came back: for faults under
 * load. Each outcome carries the phase of the test it happened in (set by the test as it goes:
 * "up", "down", …), its status (0 when no answer came: refused, reset or timed out) and how long
 * it took.
 */
public final class Load implements AutoCloseable {

    /** One request and its answer. */
    public record Outcome(String phase, int client, String target, int status, String contentType, String body,
            long millis, String error, long finishedNanos) {

        public boolean answered() {
            return status > 0;
        }
    }

    /** What a client sends next; {@code n} counts its requests. */
    public interface Client {
        HttpRequest next(int n);
    }

    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService threads;
    private volatile String phase = "start";

    private Load(int clients, IntFunction<Client> factory, Duration pause) {
        threads = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Client requests = factory.apply(c);
            threads.submit(() -> {
                for (int n = 0; running.get(); n++) {
                    HttpRequest request = requests.next(n);
                    if (request == null) {
                        sleep(pause);
                        continue;
                    }
                    String current = phase;
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                        outcomes.add(new Outcome(current, client, request.uri().getPath(), response.statusCode(),
                                response.headers().firstValue("Content-Type").orElse(""), response.body(),
                                elapsed(started), null, System.nanoTime()));
                    } catch (IOException e) {
                        outcomes.add(new Outcome(current, client, request.uri().getPath(), 0, "", "",
                                elapsed(started), e.toString(), System.nanoTime()));
                    } catch (InterruptedException e) {
                        return;
                    }
                    sleep(pause);
                }
            });
        }
    }

    /** Starts {@code clients} clients, each pausing {@code pause} between its requests. */
    public static Load start(int clients, IntFunction<Client> factory, Duration pause) {
        return new Load(clients, factory, pause);
    }

    /** A GET of {@code path} on a base URL, with a deadline that makes a hang visible. */
    public static HttpRequest get(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    /** A POST of a JSON body, optionally with a bearer token. */
    public static HttpRequest post(String base, String path, String json, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    /** Marks the outcomes of requests sent from now on. */
    public void phase(String name) {
        phase = name;
    }

    public List<Outcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    public List<Outcome> outcomes(Predicate<Outcome> which) {
        return outcomes().stream().filter(which).toList();
    }

    /** Stops the clients and waits for their last requests. */
    @Override
    public void close() {
        running.set(false);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(40, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
