-- venue-service schema: venues with entrances, QR signing keys (private halves encrypted), transactional outbox.

CREATE TABLE venue (
    id                UUID PRIMARY KEY,
    name              TEXT        NOT NULL,
    category          TEXT        NOT NULL,
    admin_unit_code   TEXT        NOT NULL,
    address           TEXT        NOT NULL,
    contact_phone     TEXT,                      -- E.164; never logged
    capacity          INTEGER,
    organisation      TEXT,
    -- Normalised (NFC, lower case, single spaces) name and address: the duplicate rule.
    name_key          TEXT        NOT NULL,
    address_key       TEXT        NOT NULL,
    -- Lower case without diacritics, for name search ("benh vien" finds "Bệnh viện").
    search_text       TEXT        NOT NULL,
    token_version     INTEGER     NOT NULL DEFAULT 1,
    token_issued_at   TIMESTAMPTZ NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    closed_at         TIMESTAMPTZ,
    close_reason      TEXT,
    CONSTRAINT venue_capacity_positive CHECK (capacity IS NULL OR capacity > 0),
    CONSTRAINT venue_token_version_positive CHECK (token_version >= 1)
);

-- Same admin unit, name and address = the same venue, while it is open (a closed venue may be registered again).
CREATE UNIQUE INDEX venue_identity_uq ON venue (admin_unit_code, name_key, address_key) WHERE closed_at IS NULL;
CREATE INDEX venue_admin_unit_idx ON venue (admin_unit_code, category);
CREATE INDEX venue_organisation_idx ON venue (organisation) WHERE organisation IS NOT NULL;
CREATE INDEX venue_name_order_idx ON venue (name_key, id);

CREATE TABLE entrance (
    id               UUID PRIMARY KEY,
    venue_id         UUID        NOT NULL REFERENCES venue (id),
    name             TEXT        NOT NULL,
    position         INTEGER     NOT NULL,
    token_version    INTEGER     NOT NULL DEFAULT 1,
    token_issued_at  TIMESTAMPTZ NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT entrance_token_version_positive CHECK (token_version >= 1),
    CONSTRAINT entrance_position_uq UNIQUE (venue_id, position)
);

-- Ed25519 signing keys of QR tokens. The private key (PKCS#8) is AES-256-GCM encrypted under qrtrace.qr.master-key
-- with the key id as associated data. Exactly one key is ACTIVE; RETIRED keys stay published for verification.
CREATE TABLE qr_signing_key (
    kid                 TEXT PRIMARY KEY,
    public_key          BYTEA       NOT NULL,    -- X.509 SubjectPublicKeyInfo
    private_key_nonce   BYTEA       NOT NULL,
    private_key_sealed  BYTEA       NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    created_at          TIMESTAMPTZ NOT NULL,
    retired_at          TIMESTAMPTZ
);
CREATE UNIQUE INDEX qr_signing_key_one_active_uq ON qr_signing_key (status) WHERE status = 'ACTIVE';

-- Transactional outbox: written in the same transaction as the change, relayed to Kafka in id order.
CREATE TABLE outbox_event (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        UUID        NOT NULL UNIQUE,
    topic           TEXT        NOT NULL,
    record_key      TEXT        NOT NULL,
    event_type      TEXT        NOT NULL,
    payload         BYTEA       NOT NULL,       -- the encoded EventEnvelope (EventCodec)
    created_at      TIMESTAMPTZ NOT NULL,
    attempts        INTEGER     NOT NULL DEFAULT 0,
    last_error      TEXT,
    sent_at         TIMESTAMPTZ
);
-- The relay's work queue: only unsent rows are indexed, so the index stays small however long the history grows.
CREATE INDEX outbox_event_unsent_idx ON outbox_event (id) WHERE sent_at IS NULL;
