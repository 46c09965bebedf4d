-- SMS to a case's contacts (issue #18 items 2/3): a transactional outbox written by the notify request, emptied by the
-- SMPP sender. One message per case, contact and tier, however often an officer asks: the unique key decides.
-- No phone and no text is stored: sealed_contact is the contact's sealed channel, opened only by the sender at send
-- time and cleared once the message has left (or failed); the text is rendered at send time from the venue, the
-- exposure window and the language (README "Notifications").
CREATE TABLE notification (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    case_id          uuid        NOT NULL REFERENCES confirmed_case (id),
    contact_id       uuid        NOT NULL REFERENCES case_contact (id),
    tier             text        NOT NULL CHECK (tier IN ('F1', 'F2')),
    language         text        NOT NULL CHECK (language IN ('vi', 'en')),
    sealed_contact   text,
    venue_id         uuid        NOT NULL,
    exposure_start   timestamptz NOT NULL,
    exposure_end     timestamptz NOT NULL,
    status           text        NOT NULL CHECK (status IN ('QUEUED', 'SENDING', 'SUBMITTED', 'DELIVERED', 'FAILED', 'EXPIRED')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    -- One id per part, as the SMSC answered each submit_sm.
    smsc_message_ids text[]      NOT NULL DEFAULT '{}',
    -- Why the last attempt did not go (a protocol status or "contact unreadable"); never a phone or text.
    last_error       text,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    UNIQUE (case_id, contact_id, tier)
);
-- The sender's claim: due QUEUED rows, oldest first.
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'QUEUED';
-- Rows left SENDING by a stopped process.
CREATE INDEX notification_sending ON notification (updated_at) WHERE status = 'SENDING';
-- A receipt finds its message by one of its part ids.
CREATE INDEX notification_smsc_ids ON notification USING gin (smsc_message_ids);

-- Delivery receipts as they arrive (a receipt may beat the commit that records its message id).
CREATE TABLE notification_receipt (
    smsc_message_id text        PRIMARY KEY,
    state           text        NOT NULL,
    received_at     timestamptz NOT NULL
);
