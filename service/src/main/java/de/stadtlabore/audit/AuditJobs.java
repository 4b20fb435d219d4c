package de.stadtlabore.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Pseudonymises audit entries after {@code stadtlabore.audit.pseudonymise-after} and deletes them
 * after {@code stadtlabore.audit.retention}. Each round works in batches, each batch in a
 * transaction of its own that claims its rows with {@code FOR UPDATE SKIP LOCKED}: replicas
 * running it at the same time share the rows instead of waiting for each other, and a round
 * that stops half-way leaves nothing half-done.
 */
@ApplicationScoped
public class AuditJobs {

    private static final Logger LOG = Logger.getLogger(AuditJobs.class);

    @Inject
    AuditService audit;

    @Scheduled(every = "${stadtlabore.audit.job-interval:1h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int pseudonymised = audit.pseudonymiseOld();
        int deleted = audit.deleteExpired();
        if (pseudonymised + deleted > 0) {
            LOG.infof("Audit log: %d entries pseudonymised, %d deleted", pseudonymised, deleted);
        }
    }
}
