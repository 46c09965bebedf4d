package org.qrtrace.venue.service;

import java.util.List;

/**
 * A venue as submitted (JSON body or CSV row), before semantic validation. {@code entranceNames} null = not given.
 */
public record VenueInput(String name, String category, String adminUnitCode, String address, String contactPhone,
                         Integer capacity, String organisation, List<String> entranceNames) {
}
