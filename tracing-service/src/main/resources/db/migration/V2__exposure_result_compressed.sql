-- A depth-2 answer lists thousands of contacts (several MB of JSON): parsing it into jsonb and compressing it with
-- pglz took ~170 ms of the query. Results are now stored as gzip-compressed JSON (level 1, ~6x smaller), never
-- recompressed by PostgreSQL; rows stored before keep their jsonb.
ALTER TABLE exposure_query ADD COLUMN result_gzip bytea;
ALTER TABLE exposure_query ALTER COLUMN result_gzip SET STORAGE EXTERNAL;
ALTER TABLE exposure_query ALTER COLUMN result DROP NOT NULL;
ALTER TABLE exposure_query ADD CONSTRAINT exposure_query_result_present CHECK (result IS NOT NULL OR result_gzip IS NOT NULL);
