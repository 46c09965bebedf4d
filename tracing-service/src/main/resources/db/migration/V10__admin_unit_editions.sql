-- Administrative units across the 2025 reorganisation (docs/architecture.md, "Administrative units"). A stored unit
-- code means the unit it named on the day it was given, so venues and cases keep that day beside the code: a venue's
-- registration day, or the day of the update that changed its code; a case's opening day. Days are Vietnamese
-- (Asia/Ho_Chi_Minh), the zone of the official lists' dates.
ALTER TABLE venue ADD COLUMN admin_unit_given_on date;
UPDATE venue SET admin_unit_given_on = (registered_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;
ALTER TABLE venue ALTER COLUMN admin_unit_given_on SET NOT NULL;

ALTER TABLE confirmed_case ADD COLUMN admin_unit_given_on date;
UPDATE confirmed_case SET admin_unit_given_on = (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;
ALTER TABLE confirmed_case ALTER COLUMN admin_unit_given_on SET NOT NULL;

-- Daily reports roll up by one edition of the list (the structure): the one in force on the report date, or one asked
-- for. A snapshot is frozen in the structure in force on its date; rows frozen before this migration were rolled up by
-- the 2025-03-01 codes. A "not placed" row holds what lies in a unit but in none of its children (a venue registered
-- under a district, or under an old commune split between several new ones).
ALTER TABLE daily_report_snapshot
    ADD COLUMN structure  text    NOT NULL DEFAULT '2025-03-01',
    ADD COLUMN not_placed boolean NOT NULL DEFAULT false;
ALTER TABLE daily_report_snapshot ALTER COLUMN structure DROP DEFAULT;
ALTER TABLE daily_report_snapshot DROP CONSTRAINT daily_report_snapshot_pkey;
ALTER TABLE daily_report_snapshot ADD PRIMARY KEY (report_date, structure, admin_unit_code, not_placed);

-- Populations the provinces set (venue-service PUT /api/v1/admin-units/{code}/population, AdminUnitPopulationSet on
-- venue.events), with their history: a unit's current figure is the one set last. Units without a row use the seed
-- figures shipped with the official lists (populations.csv).
CREATE TABLE admin_unit_population (
    edition text        NOT NULL,
    code    text        NOT NULL,
    count   bigint      NOT NULL CHECK (count > 0),
    year    integer     NOT NULL,
    source  text        NOT NULL,
    set_at  timestamptz NOT NULL,
    PRIMARY KEY (edition, code, set_at)
);
