-- Administrative units across editions of the official list (issue #20).

-- A code names the unit it named on the day it was given (docs/architecture.md, "Administrative units"): the local
-- day (Asia/Ho_Chi_Minh) of the registration, or of the update that changed the code. Every code stored before this
-- migration was checked against the three-level list of vn-admin-units.csv (the codes of the 2025-03-01 edition), so
-- it names a unit of that edition: those venues get 2025-06-30, that edition's last day (or their registration day,
-- if earlier), whenever they were registered.
ALTER TABLE venue ADD COLUMN admin_unit_given_on DATE;
UPDATE venue SET admin_unit_given_on = LEAST((created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, DATE '2025-06-30');
ALTER TABLE venue ALTER COLUMN admin_unit_given_on SET NOT NULL;

-- Population per unit (edition, code), with its history: every figure set is a row; the newest set is the current
-- one. Seeded at start from service-common's admin-units/populations.csv for units without any figure (set_by
-- 'populations.csv'); provinces set their own through PUT /api/v1/admin-units/{code}/population (set_by: the admin).
CREATE TABLE admin_unit_population (
    id       UUID PRIMARY KEY,
    edition  TEXT        NOT NULL,
    code     TEXT        NOT NULL,
    count    BIGINT      NOT NULL,
    year     INTEGER     NOT NULL,
    source   TEXT        NOT NULL,
    set_by   TEXT        NOT NULL,
    set_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT admin_unit_population_count_positive CHECK (count > 0),
    CONSTRAINT admin_unit_population_year_plausible CHECK (year BETWEEN 1900 AND 9999),
    CONSTRAINT admin_unit_population_source_length CHECK (char_length(source) BETWEEN 1 AND 200)
);
-- A unit's history, newest first.
CREATE INDEX admin_unit_population_unit_idx ON admin_unit_population (edition, code, set_at DESC);
-- One seed row per unit and year, whichever instance seeds first (the others' inserts do nothing).
CREATE UNIQUE INDEX admin_unit_population_seed_uq ON admin_unit_population (edition, code, year)
    WHERE set_by = 'populations.csv';
