package org.qrtrace.tracing.messaging;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.qrtrace.common.crypto.SealedContact;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.domain.SendWindow;
import org.qrtrace.tracing.repository.NotificationRepository.Claimed;
import org.qrtrace.tracing.service.ContactOpener;
import org.qrtrace.tracing.service.NotificationOutbox;
import org.qrtrace.tracing.service.NotificationTexts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Empties the SMS outbox over SMPP: each tick, within the send window and while bound, claims up to the rate's worth
 * of due messages (committed SENDING first), opens each contact's sealed channel, renders the text, submits it under
 * the message's stable reference and records the SMSC's ids (SUBMITTED) at once. A refused submit goes back to the
 * queue with backoff; a submit whose outcome is unknown stays SENDING until receipts settle it or the receipt wait
 * sends it again ({@link NotificationOutbox}; docs/architecture.md, "Notifications"). Off unless
 * {@code qrtrace.tracing.smpp.enabled}. Made at start, so that a send window that cannot be read stops the service there.
 */
@Startup
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);

    private final TracingConfig config;
    private final SendWindow window;
    private final NotificationOutbox outbox;
    private final SmppGateway gateway;
    private final ContactOpener opener;
    private final NotificationTexts texts;
    private final Clock clock;

    NotificationSender(TracingConfig config, NotificationOutbox outbox, SmppGateway gateway, ContactOpener opener,
                       NotificationTexts texts, Clock clock) {
        this.config = config;
        this.window = SendWindow.of(config.notifications().windowStart(), config.notifications().windowEnd(),
                config.notifications().zone());
        this.outbox = outbox;
        this.gateway = gateway;
        this.opener = opener;
        this.texts = texts;
        this.clock = clock;
    }

    @Scheduled(every = "${qrtrace.tracing.notifications.send-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.smpp().enabled()) {
            return;
        }
        try {
            sendDue(clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("the SMS sender's round failed (%s); the next one tries again", e.getClass().getSimpleName());
        }
    }

    /** One round; returns the messages submitted. */
    int sendDue(Instant now) {
        int unanswered = outbox.requeueUnanswered();
        if (unanswered > 0) {
            LOG.warnf("%d SMS with no answer and no receipt within the receipt wait: queued again (or FAILED when out of attempts)",
                    unanswered);
        }
        if (!window.isOpen(now) || !gateway.ensureBound(now)) {
            return 0;
        }
        int submitted = 0;
        for (Claimed message : outbox.claim(config.notifications().ratePerSecond())) {
            if (send(message)) {
                submitted++;
            }
        }
        return submitted;
    }

    private boolean send(Claimed message) {
        Optional<SealedContact> contact = opener.open(message.sealedContact());
        if (contact.isEmpty()) {
            outbox.failed(message.id(), "contact unreadable");
            return false;
        }
        String text = texts.textOf(message.language(), message.venueId(), message.exposureStart(), message.exposureEnd());
        String destination = contact.get().phone().replace("+", "");
        SmppGateway.Submission result = gateway.submit(destination, text, message.reference());
        if (result instanceof SmppGateway.Submission.Accepted a) {
            outbox.submitted(message.id(), a.messageIds());
            return true;
        } else if (result instanceof SmppGateway.Submission.Refused r) {
            outbox.refused(message, r.reason());
        } else if (result instanceof SmppGateway.Submission.Uncertain u) {
            LOG.warnf("SMS %s: %s; waiting for receipts before sending it again", message.id(), u.reason());
            outbox.unanswered(message.id(), u.acceptedIds(), u.reason());
        }
        return false;
    }
}
