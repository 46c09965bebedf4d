-- Exposure sites (issue #18 items 6/7): a venue and a window at which a confirmed case was present, published by a
-- health officer for the public list that visitors check themselves against. The public sees the venue, its unit,
-- the window and the advice, never the case (case_id stays here) nor the officer.
CREATE TABLE exposure_site (
    id              uuid        PRIMARY KEY,
    case_id         uuid        NOT NULL REFERENCES confirmed_case (id),
    venue_id        uuid        NOT NULL,
    -- The venue's unit when published: the public list's filter and the officers' jurisdiction check.
    admin_unit_code text        NOT NULL,
    window_from     timestamptz NOT NULL,
    window_to       timestamptz NOT NULL CHECK (window_to > window_from),
    -- The officer's advice to visitors (plain text); NULL: the configured default of the reader's language.
    advice          text        CHECK (char_length(advice) <= 500),
    published_by    text        NOT NULL,
    published_at    timestamptz NOT NULL,
    withdrawn_by    text,
    withdrawn_at    timestamptz,
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
);
-- Publishing the same case, venue and window again finds the site already published (while it is not withdrawn):
-- the index decides, so two officers racing cannot both add one.
CREATE UNIQUE INDEX exposure_site_once ON exposure_site (case_id, venue_id, window_from, window_to)
    WHERE withdrawn_at IS NULL;
-- The public list: sites not withdrawn whose window ended recently.
CREATE INDEX exposure_site_listed ON exposure_site (window_to) WHERE withdrawn_at IS NULL;

-- The public list shows a venue's address: venue.events carry it, the directory keeps it from now on (venues whose
-- last VenueRegistered/VenueUpdated was applied before this migration show none until their next update).
ALTER TABLE venue ADD COLUMN address text;

-- Transactional outbox of tracing.events (like venue-service's): written by the transaction that makes the change,
-- relayed to Kafka in id order by messaging.TracingEventRelay, marked sent only after the broker acknowledged it.
CREATE TABLE outbox_event (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Deterministic where a repeat must not be a second event (e.g. one ContactNotified per message and status).
    event_id    uuid        NOT NULL UNIQUE,
    topic       text        NOT NULL,
    record_key  text        NOT NULL,
    event_type  text        NOT NULL,
    payload     bytea       NOT NULL,       -- the encoded EventEnvelope (EventCodec): exactly what Kafka will carry
    created_at  timestamptz NOT NULL,
    attempts    integer     NOT NULL DEFAULT 0,
    last_error  text,
    sent_at     timestamptz
);
-- The relay's work queue: only unsent rows are indexed, so the index stays small however long the history grows.
CREATE INDEX outbox_event_unsent ON outbox_event (id) WHERE sent_at IS NULL;
