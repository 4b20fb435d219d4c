package de.stadtlabore.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Erases registrants' personal data after the retention period. One idempotent UPDATE: safe
 * when several replicas run it at once.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject
    RegistrationService registrations;

    @Scheduled(every = "${stadtlabore.registration.retention-job-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int erased = registrations.erasePersonalData();
        if (erased > 0) {
            LOG.infof("Erased the personal data of %d registrations", erased);
        }
    }
}
