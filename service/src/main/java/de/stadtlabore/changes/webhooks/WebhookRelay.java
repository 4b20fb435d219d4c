package de.stadtlabore.changes.webhooks;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import de.stadtlabore.changes.ChangeService;

/**
 * Each replica's relay: every poll interval (and as soon as a transaction that recorded changes
 * commits) it sequences the changes, fans them out to endpoints and lets its senders deliver
 * what is due. All of it is safe with several replicas: sequencing and fan-out are one replica
 * at a time, and each delivery is locked by the replica that sends it.
 */
@ApplicationScoped
class WebhookRelay {

    private static final Logger LOG = Logger.getLogger(WebhookRelay.class);

    @Inject
    WebhookConfig config;

    @Inject
    ChangeService changes;

    @Inject
    WebhookDispatcher dispatcher;

    private volatile ScheduledExecutorService executor;
    private final AtomicBoolean relayQueued = new AtomicBoolean();
    private final AtomicInteger sending = new AtomicInteger();

    void start(@Observes StartupEvent start) {
        if (!config.enabled()) {
            return;
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newScheduledThreadPool(1 + config.senders(), task -> {
            Thread thread = new Thread(task, "webhooks-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        long every = config.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::relay, every, every, TimeUnit.MILLISECONDS);
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangeService.ChangesRecorded recorded) {
        ScheduledExecutorService running = executor;
        if (running != null && relayQueued.compareAndSet(false, true)) {
            running.execute(this::relay);
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(config.timeout().toSeconds() + 5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * One round, in one transaction: sequence, fan out, and see whether anything is due; only then
     * the senders start (an idle replica costs one short transaction per poll interval).
     */
    private void relay() {
        relayQueued.set(false);
        boolean due;
        try {
            due = QuarkusTransaction.requiringNew().call(() -> {
                changes.sequence();
                return dispatcher.fanOut() > 0 || dispatcher.anyDue();
            });
        } catch (RuntimeException e) {
            LOG.warnf("Webhook relay round failed, trying again: %s", e.toString());
            return;
        }
        if (!due) {
            return;
        }
        // Senders: as many as configured, each sending until nothing is due.
        while (sending.get() < config.senders() && !executor.isShutdown()) {
            sending.incrementAndGet();
            try {
                executor.execute(this::send);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                sending.decrementAndGet();
                return;
            }
        }
    }

    private void send() {
        try {
            while (!Thread.currentThread().isInterrupted() && dispatcher.deliverOne()) {
                // next
            }
        } catch (RuntimeException e) {
            if (!executor.isShutdown()) {
                LOG.warnf("Webhook delivery failed, trying again: %s", e.toString());
            }
        } finally {
            sending.decrementAndGet();
        }
    }
}
