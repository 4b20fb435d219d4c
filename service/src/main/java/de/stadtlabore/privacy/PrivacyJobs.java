package de.stadtlabore.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Deletes requests for one's data whose link expired, with the addresses they name; one statement, safe on every replica. */
@ApplicationScoped
public class PrivacyJobs {

    private static final Logger LOG = Logger.getLogger(PrivacyJobs.class);

    @Inject
    PrivacyService privacy;

    @Scheduled(every = "${stadtlabore.privacy.purge-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpiredRequests() {
        int deleted = privacy.deleteExpired();
        if (deleted > 0) {
            LOG.infof("Deleted %d expired requests for one's data", deleted);
        }
    }
}
