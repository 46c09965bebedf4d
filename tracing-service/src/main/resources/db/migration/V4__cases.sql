-- Confirmed cases (issue #18 item 1). The index person is kept only as a pseudonym; a phone typed in is pseudonymised
-- before it reaches the service's storage. "case" is an SQL keyword, hence confirmed_case.
CREATE TABLE confirmed_case (
    id                  uuid        PRIMARY KEY,
    case_reference      text        NOT NULL UNIQUE,
    pseudonym           text        NOT NULL,
    confirmed_at        timestamptz NOT NULL,
    admin_unit_code     text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    created_at          timestamptz NOT NULL,
    created_by          text        NOT NULL,
    -- A contact of an earlier case who later tested positive: the chain of cases is a tree rooted at the first one.
    linked_from_case_id uuid        REFERENCES confirmed_case (id)
);
CREATE INDEX confirmed_case_unit ON confirmed_case (admin_unit_code, status, confirmed_at DESC);
CREATE INDEX confirmed_case_linked_from ON confirmed_case (linked_from_case_id) WHERE linked_from_case_id IS NOT NULL;

-- The contacts of a case, from every exposure query run under its reference (merged: earliest first exposure, F1 over
-- F2, overlaps united), and their follow-up. sealed_contact is the latest sealed channel, opened only when read.
CREATE TABLE case_contact (
    id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    case_id              uuid        NOT NULL REFERENCES confirmed_case (id),
    pseudonym            text        NOT NULL,
    tier                 text        NOT NULL CHECK (tier IN ('F1', 'F2')),
    first_exposure       timestamptz NOT NULL,
    last_exposure        timestamptz NOT NULL,
    -- [{"venueId","start","end","minutes"}], one element per overlap, ordered by start.
    venues               jsonb       NOT NULL,
    sealed_contact       text,
    follow_up_status     text        CHECK (follow_up_status IN ('REACHED', 'QUARANTINED', 'TESTED_NEGATIVE',
                                                                 'TESTED_POSITIVE', 'UNREACHABLE')),
    follow_up_note       text,
    follow_up_updated_at timestamptz,
    follow_up_updated_by text,
    recorded_at          timestamptz NOT NULL,
    UNIQUE (case_id, pseudonym)
);
