-- The daily report per administrative unit also counts the work on cases (docs/architecture.md, "Daily reports"):
-- cases confirmed, contacts identified, messages the SMSC took, messages delivered, contacts reached and contacts
-- tested positive that day, each counted in the unit of its case. Snapshots taken before this migration keep zeros.
ALTER TABLE daily_report_snapshot
    ADD COLUMN cases               integer NOT NULL DEFAULT 0,
    ADD COLUMN contacts_identified integer NOT NULL DEFAULT 0,
    ADD COLUMN notified            integer NOT NULL DEFAULT 0,
    ADD COLUMN delivered           integer NOT NULL DEFAULT 0,
    ADD COLUMN reached             integer NOT NULL DEFAULT 0,
    ADD COLUMN tested_positive     integer NOT NULL DEFAULT 0;

CREATE INDEX confirmed_case_confirmed_at ON confirmed_case (confirmed_at);
CREATE INDEX case_contact_recorded_at ON case_contact (recorded_at);
CREATE INDEX case_contact_follow_up_at ON case_contact (follow_up_updated_at) WHERE follow_up_updated_at IS NOT NULL;
CREATE INDEX notification_submitted_at ON notification (submitted_at) WHERE submitted_at IS NOT NULL;
CREATE INDEX notification_delivered_at ON notification (updated_at) WHERE status = 'DELIVERED';
