package de.stadtlabore.changes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Prunes changes past their retention; one replica at a time (an advisory lock), idempotent. */
@ApplicationScoped
class ChangeJobs {

    private static final Logger LOG = Logger.getLogger(ChangeJobs.class);

    @Inject
    ChangeService changes;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        int pruned = changes.prune();
        if (pruned > 0) {
            LOG.infof("Pruned %d changes past their retention", pruned);
        }
    }
}
