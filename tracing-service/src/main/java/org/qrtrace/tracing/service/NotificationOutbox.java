package org.qrtrace.tracing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.domain.NotificationStatus;
import org.qrtrace.tracing.domain.ReceiptOutcome;
import org.qrtrace.tracing.domain.RetryBackoff;
import org.qrtrace.tracing.repository.NotificationRepository;
import org.qrtrace.tracing.repository.NotificationRepository.Claimed;
import org.qrtrace.tracing.repository.NotificationRepository.Sent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The sender's steps on the outbox, each its own committed transaction: claim (QUEUED -> SENDING, before anything is
 * submitted), record the SMSC's ids (SENDING -> SUBMITTED, right after the submit_sm_resp), put back with backoff or
 * give up, and apply delivery receipts (a multipart message by all its parts, {@link ReceiptOutcome}).
 */
@ApplicationScoped
public class NotificationOutbox {

    private final NotificationRepository repository;
    private final TracingConfig.Notifications config;
    private final RetryBackoff backoff;
    private final Clock clock;

    NotificationOutbox(NotificationRepository repository, TracingConfig config, Clock clock) {
        this.repository = repository;
        this.config = config.notifications();
        this.backoff = new RetryBackoff(this.config.retryBackoff(), this.config.maxRetryBackoff());
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claimed> claim(int limit) {
        return repository.claimDue(clock.instant(), limit);
    }

    /** Recorded with the receipts that may already have arrived for these ids. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void submitted(UUID id, List<String> messageIds) {
        repository.lockReceipts();
        repository.submitted(id, messageIds, clock.instant());
        repository.find(id).ifPresent(this::settle);
    }

    /** The SMSC did not take it (refused, or not reachable before anything was written): retried with backoff. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(Claimed message, String reason) {
        Instant now = clock.instant();
        if (message.attempts() >= config.maxAttempts()) {
            repository.finish(message.id(), NotificationStatus.FAILED, reason + " (after " + message.attempts() + " attempts)", now);
        } else {
            repository.retryAt(message.id(), now.plus(backoff(message.attempts())), reason, now);
        }
    }

    /** Not sent and never to be: the contact cannot be opened, or the SMSC may have part of it (at most once). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(UUID id, String reason) {
        repository.finish(id, NotificationStatus.FAILED, reason, clock.instant());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void receipt(String messageId, String state) {
        repository.lockReceipts();
        repository.recordReceipt(messageId, state, clock.instant());
        repository.findByMessageId(messageId).ifPresent(this::settle);
    }

    /** Messages a stopped sender left SENDING: FAILED, not sent again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int abandonStale() {
        Instant now = clock.instant();
        return repository.abandonSending(now.minus(config.sendingStaleAfter()), now);
    }

    /** Wait after the n-th failed attempt (or bind). */
    public Duration backoff(int attempts) {
        return backoff.after(attempts);
    }

    private void settle(Sent sent) {
        if (sent.status() != NotificationStatus.SUBMITTED) {
            return;
        }
        ReceiptOutcome.of(sent.messageIds(), repository.receiptStates(sent.messageIds())).ifPresent(status ->
                repository.finish(sent.id(), status, status == NotificationStatus.DELIVERED ? null : "receipt: " + status,
                        clock.instant()));
    }
}
