package org.qrtrace.tracing.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The public list of exposure sites. It names no one: no case, reference, pseudonym or officer, only venues and
 * windows. {@code generatedAt} is when this content was first generated: the same content keeps its time, so that it
 * stays byte for byte the same and caches can revalidate it.
 */
public record ExposureSiteList(Instant generatedAt, List<Site> sites) {

    /**
     * A published site: its venue (name and address as the directory knows them now), unit (its code and its place by
     * name, with what it is today when it has since been merged), window and advice.
     */
    public record Site(UUID id, UUID venueId, String venueName, String address, String adminUnitCode, String place,
                       Instant from, Instant to, String advice, Instant publishedAt) {
    }
}
