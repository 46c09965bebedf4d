-- Everyone at a venue overlapping a window [ws, we): a visit may have started up to the maximum stay (72 h) before ws,
-- so one index probe used to read three days of the venue's visits and fetch each from the heap, to keep the few still
-- there at ws (88 buffers per probe at 10M rows; a depth-2 query makes thousands of probes). Most visits are short:
-- the lookup now reads the last 4 hours from the main index, and visits longer than 4 hours (workplaces, hotels,
-- hospitals) from this partial index, which holds only them.
CREATE INDEX visit_venue_long ON visit (venue_id, checked_in_at) INCLUDE (checked_out_at, pseudonym)
    WHERE checked_out_at - checked_in_at > interval '4 hours';
