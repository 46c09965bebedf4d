-- Presence store of tracing-service. Times are timestamptz (UTC instants); report day boundaries are applied in queries.

-- Event ids already applied: consumers insert here first (ON CONFLICT DO NOTHING) and apply only the new ones.
CREATE TABLE processed_event (
    event_id     uuid        PRIMARY KEY,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);

-- One row per person per check-in (a visitor and each dependant), partitioned by the UTC day of checked_in_at.
-- checked_out_at is the end of the presence interval [checked_in_at, checked_out_at): the explicit check-out when one
-- was scanned, otherwise the automatic check-out time; never longer than the configured maximum stay.
CREATE TABLE visit (
    checked_in_at     timestamptz NOT NULL,
    checkin_id        uuid        NOT NULL,
    pseudonym         text        NOT NULL,
    venue_id          uuid        NOT NULL,
    entrance_id       uuid,
    checked_out_at    timestamptz NOT NULL,
    auto_checkout_at  timestamptz NOT NULL,
    explicit_checkout boolean     NOT NULL DEFAULT false,
    dependant         boolean     NOT NULL DEFAULT false,
    sealed_contact    text,
    source            text        NOT NULL,
    PRIMARY KEY (checkin_id, pseudonym, checked_in_at),
    CHECK (checked_out_at > checked_in_at)
) PARTITION BY RANGE (checked_in_at);

-- The index person's visits: equality on pseudonym, range on the start.
CREATE INDEX visit_pseudonym_in ON visit (pseudonym, checked_in_at) INCLUDE (checked_out_at, venue_id);
-- Everyone at a venue in a time range: equality on venue, range on the start (bounded below by the maximum stay).
CREATE INDEX visit_venue_in ON visit (venue_id, checked_in_at) INCLUDE (checked_out_at, pseudonym);

-- Rows whose day has no partition yet land here; partition maintenance moves them out when it creates their day.
CREATE TABLE visit_default PARTITION OF visit DEFAULT;

-- A check-out that arrived before its check-in (another partition, a replay): applied when the check-in arrives.
CREATE TABLE pending_checkout (
    checkin_id     uuid        PRIMARY KEY,
    checked_out_at timestamptz NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now()
);

-- Venue directory built from venue.events: jurisdiction checks, names in results, daily reports.
CREATE TABLE venue (
    venue_id        uuid        PRIMARY KEY,
    name            text        NOT NULL,
    category        text        NOT NULL,
    admin_unit_code text        NOT NULL,
    status          text        NOT NULL,
    registered_at   timestamptz NOT NULL,
    closed_at       timestamptz,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX venue_admin_unit ON venue (admin_unit_code);

-- Every dropped presence partition: what was deleted, when, and under which retention period.
CREATE TABLE retention_deletion (
    id              bigserial   PRIMARY KEY,
    partition_name  text        NOT NULL,
    range_from      timestamptz NOT NULL,
    range_to        timestamptz NOT NULL,
    rows_deleted    bigint      NOT NULL,
    retention       text        NOT NULL,
    deleted_at      timestamptz NOT NULL DEFAULT now()
);

-- Exposure queries as run: parameters and the result without plain phones (contacts keep their sealed channel).
CREATE TABLE exposure_query (
    id             uuid        PRIMARY KEY,
    created_at     timestamptz NOT NULL,
    subject        text        NOT NULL,
    role           text        NOT NULL,
    jurisdiction   text,
    case_reference text        NOT NULL,
    parameters     jsonb       NOT NULL,
    result         jsonb       NOT NULL
);
CREATE INDEX exposure_query_case ON exposure_query (case_reference);

-- Append-only audit log; each row's hash = SHA-256(previous hash || canonical row content).
CREATE TABLE audit_log (
    seq            bigint      PRIMARY KEY,
    at             timestamptz NOT NULL,
    subject        text        NOT NULL,
    role           text        NOT NULL,
    jurisdiction   text,
    action         text        NOT NULL,
    case_reference text,
    parameters     text        NOT NULL,
    row_count      integer     NOT NULL,
    prev_hash      text        NOT NULL,
    hash           text        NOT NULL
);

-- The application only appends; an UPDATE or DELETE is refused (someone who disables this is caught by the hash chain).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Daily report figures frozen at the cut-off hour: one row per report date and administrative unit.
CREATE TABLE daily_report_snapshot (
    report_date        date        NOT NULL,
    admin_unit_code    text        NOT NULL,
    cutoff             timestamptz NOT NULL,
    taken_at           timestamptz NOT NULL,
    venues_registered  integer     NOT NULL,
    venues_active      integer     NOT NULL,
    checkins           integer     NOT NULL,
    unique_visitors    integer     NOT NULL,
    PRIMARY KEY (report_date, admin_unit_code)
);
