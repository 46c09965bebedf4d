package org.qrtrace.tracing.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.repository.CaseContactRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes what a case no longer needs: a contact's sealed phone once their follow-up period has ended and
 * {@code qrtrace.tracing.cases.phone-kept-after-follow-up} has passed (docs/architecture.md, "Cases"); a message still
 * queued for such a contact is FAILED with it. Runs with the presence maintenance, hourly.
 */
@ApplicationScoped
public class CaseDataRetention {

    private static final Logger LOG = Logger.getLogger(CaseDataRetention.class);

    private final CaseContactRepository contacts;
    private final NotificationOutbox notifications;
    private final TracingConfig.Cases config;
    private final Clock clock;

    CaseDataRetention(CaseContactRepository contacts, NotificationOutbox notifications, TracingConfig config,
                      Clock clock) {
        this.contacts = contacts;
        this.notifications = notifications;
        this.config = config.cases();
        this.clock = clock;
    }

    @Scheduled(every = "${qrtrace.tracing.presence.maintenance-every:1h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        deleteExpiredPhones();
    }

    /** Contacts whose last exposure is before this keep no phone. */
    public Instant phonesKeptFrom(Instant now) {
        return now.minus(Duration.ofDays(config.followUpDays())).minus(config.phoneKeptAfterFollowUp());
    }

    /** Returns the contacts whose phone was deleted now. */
    @Transactional
    public int deleteExpiredPhones() {
        Instant now = clock.instant();
        Instant before = phonesKeptFrom(now);
        int failed = notifications.failQueuedOfContactsExposedBefore(before);
        int deleted = contacts.deleteSealedContactsExposedBefore(before);
        if (deleted > 0 || failed > 0) {
            LOG.infof("case data retention: phones of %d contacts deleted (last exposure before %s), %d queued messages failed",
                    deleted, before, failed);
        }
        return deleted;
    }
}
