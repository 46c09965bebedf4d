package org.qrtrace.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An administrator set the population of an administrative unit (venue-service {@code PUT
 * /api/v1/admin-units/{code}/population}): the figure the province uses from then on, with the year it counts and where
 * it comes from. A unit is (edition, code): codes are reused across editions of the official list. Every figure set is
 * one event (the history is kept); the newest one set is the unit's current figure. Keyed by {@code code}.
 *
 * @param edition the edition of the official list the unit belongs to, e.g. {@code 2025-03-01}
 * @param code    the unit's statistical code in that edition
 * @param count   residents, more than 0
 * @param year    the year the figure counts
 * @param source  where the figure comes from (e.g. a decision of the provincial People's Committee)
 * @param setAt   when it was set
 */
public record AdminUnitPopulationSet(String edition, String code, long count, int year, String source, Instant setAt)
        implements EventPayload {

    /** No venue: the event concerns an administrative unit. */
    @Override
    public UUID venueId() {
        return null;
    }

    @Override
    public String recordKey() {
        return code;
    }

    @Override
    public String recordKeyField() {
        return "code";
    }
}
