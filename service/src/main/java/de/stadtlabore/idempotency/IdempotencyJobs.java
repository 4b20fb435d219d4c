package de.stadtlabore.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Forgets idempotency keys once their retention ends. One DELETE: safe on several replicas at once. */
@ApplicationScoped
class IdempotencyJobs {

    private static final Logger LOG = Logger.getLogger(IdempotencyJobs.class);

    @Inject
    IdempotencyService idempotency;

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int purged = idempotency.purgeExpired();
        if (purged > 0) {
            LOG.debugf("Forgot %d expired idempotency keys", purged);
        }
    }
}
