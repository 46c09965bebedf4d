package org.qrtrace.tracing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.qrtrace.common.crypto.Pseudonymiser;
import org.qrtrace.common.phone.E164Phone;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.domain.NotificationStatus;
import org.qrtrace.tracing.domain.ReceiptHorizon;
import org.qrtrace.tracing.domain.ReceiptOutcome;
import org.qrtrace.tracing.domain.RetryBackoff;
import org.qrtrace.tracing.repository.NotificationRepository;
import org.qrtrace.tracing.repository.NotificationRepository.Claimed;
import org.qrtrace.tracing.repository.NotificationRepository.Sent;
import org.qrtrace.tracing.repository.NotificationRepository.Transition;
import org.qrtrace.tracing.domain.Tier;
import org.qrtrace.common.adminunit.AdminUnitCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The sender's steps on the outbox, each its own committed transaction: claim (QUEUED -> SENDING, before anything is
 * submitted), record the SMSC's ids (SENDING -> SUBMITTED, right after the submit_sm_resp), put back with backoff or
 * give up, and apply delivery receipts (a multipart message by all its parts, {@link ReceiptOutcome}).
 * <p>
 * A submit whose outcome is unknown stays SENDING: a receipt for a message id nobody recorded finds it by the
 * reference the SMSC echoes (or the handset), and once receipts prove every part the message is SUBMITTED as if the
 * answer had come; with not every part proved after {@code receipt-wait} it is sent again (docs/architecture.md,
 * "Notifications": one message per contact, case and tier).
 */
@ApplicationScoped
public class NotificationOutbox {

    private final NotificationRepository repository;
    private final TracingConfig.Notifications config;
    private final RetryBackoff backoff;
    private final Clock clock;

    private final NotificationTexts texts;
    private final Pseudonymiser pseudonymiser;
    private final TracingEvents events;
    /** How far the receipts have caught up: gates sending an unanswered message again. */
    private final ReceiptHorizon horizon;

    NotificationOutbox(NotificationRepository repository, TracingConfig config, NotificationTexts texts,
                       Pseudonymiser pseudonymiser, TracingEvents events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.texts = texts;
        this.pseudonymiser = pseudonymiser;
        this.config = config.notifications();
        this.backoff = new RetryBackoff(this.config.retryBackoff(), this.config.maxRetryBackoff());
        this.clock = clock;
        this.horizon = new ReceiptHorizon(clock.instant());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claimed> claim(int limit) {
        return repository.claimDue(clock.instant(), limit);
    }

    /** Recorded with the receipts that may already have arrived for these ids. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void submitted(UUID id, List<String> messageIds) {
        repository.lockReceipts();
        announce(repository.submitted(id, messageIds, clock.instant()));
        repository.find(id).ifPresent(this::settle);
    }

    /** The SMSC did not take it (refused, or not reachable before anything was written): retried with backoff. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(Claimed message, String reason) {
        Instant now = clock.instant();
        if (message.attempts() >= config.maxAttempts()) {
            announce(repository.finish(message.id(), NotificationStatus.FAILED,
                    reason + " (after " + message.attempts() + " attempts)", now));
        } else {
            repository.retryAt(message.id(), now.plus(backoff(message.attempts())), reason, now);
        }
    }

    /** Not sent and never to be: the contact cannot be opened. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(UUID id, String reason) {
        announce(repository.finish(id, NotificationStatus.FAILED, reason, clock.instant()));
    }

    /** The SMSC may have some or all of it (the parts in {@code acceptedIds} for sure): SENDING until receipts tell. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void unanswered(UUID id, List<String> acceptedIds, String reason) {
        repository.unanswered(id, acceptedIds, reason, clock.instant());
    }

    /**
     * A delivery receipt: recorded, then applied to the message owning {@code messageId}, or else to the message whose
     * outcome is unknown that its {@code reference} (echoed user_message_reference, may be null) and handset name.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void receipt(String messageId, String state, Integer reference, String handset) {
        repository.lockReceipts();
        repository.recordReceipt(messageId, state, clock.instant());
        Optional<Sent> owner = repository.findByMessageId(messageId);
        // Only a message whose submit was recorded, awaiting its receipts, says how far the receipts have caught up (not
        // a repeated receipt of a settled one, nor one whose outcome was found from receipts, submitted "now").
        horizon.receipt(owner.filter(o -> o.status() == NotificationStatus.SUBMITTED).map(Sent::submittedAt).orElse(null),
                clock.instant());
        if (owner.isEmpty()) {
            owner = repository.unknownOutcome(reference, pseudonymOfHandset(handset)).flatMap(repository::find);
        }
        owner.ifPresent(sent -> {
            if (sent.status() == NotificationStatus.SENDING) {
                partProved(sent, messageId);
            } else {
                settle(sent);
            }
        });
    }

    /**
     * Messages left SENDING past the receipt wait without every part proved, and not before the receipts have caught
     * up with them ({@link ReceiptHorizon}): sent again (or FAILED when out of tries).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int requeueUnanswered() {
        Instant now = clock.instant();
        List<Transition> changed = horizon.sendAgainBefore(now, config.receiptWait())
                .map(before -> repository.requeueUnanswered(before, config.maxAttempts(), now)).orElse(List.of());
        announce(changed);
        return changed.size();
    }

    /** Messages still queued to contacts whose last exposure is before {@code before}: FAILED (case data retention). */
    @Transactional
    public int failQueuedOfContactsExposedBefore(Instant before) {
        List<Transition> failed = repository.failQueuedOfContactsExposedBefore(before, clock.instant());
        announce(failed);
        return failed.size();
    }

    /** Wait after the n-th failed attempt (or bind). */
    public Duration backoff(int attempts) {
        return backoff.after(attempts);
    }

    private void partProved(Sent sent, String messageId) {
        List<String> ids = new ArrayList<>(sent.messageIds());
        if (!ids.contains(messageId)) {
            ids.add(messageId);
        }
        if (ids.size() < texts.partsOf(sent.language(), sent.venueId(), sent.exposureStart(), sent.exposureEnd())) {
            repository.partsKnown(sent.id(), ids);
            return;
        }
        announce(repository.submitted(sent.id(), ids, clock.instant()));
        repository.find(sent.id()).ifPresent(this::settle);
    }

    /** The pseudonym a visitor with this handset number checked in under; null when the number is not one. */
    private String pseudonymOfHandset(String handset) {
        if (handset == null || handset.isBlank()) {
            return null;
        }
        try {
            return pseudonymiser.pseudonymOf(E164Phone.parse("+" + handset));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void settle(Sent sent) {
        if (sent.status() != NotificationStatus.SUBMITTED) {
            return;
        }
        ReceiptOutcome.of(sent.messageIds(), repository.receiptStates(sent.messageIds())).ifPresent(status ->
                announce(repository.finish(sent.id(), status, status == NotificationStatus.DELIVERED ? null : "receipt: " + status,
                        clock.instant())));
    }

    /** Tells other systems (ContactNotified on tracing.events) in the transaction that changed the status. */
    private void announce(List<Transition> changed) {
        for (Transition t : changed) {
            if (t.status() != NotificationStatus.QUEUED && t.status() != NotificationStatus.SENDING) {
                events.contactNotified(t.id(), t.caseId(), Tier.valueOf(t.tier()), t.venueId(),
                        AdminUnitCode.of(t.adminUnitCode()), t.status(), clock.instant());
            }
        }
    }
}
