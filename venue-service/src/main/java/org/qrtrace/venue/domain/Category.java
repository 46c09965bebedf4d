package org.qrtrace.venue.domain;

/** Kinds of venue named by the provincial orders; a venue's category sets its default stay in checkin-service. */
public enum Category {
    OFFICE, HOSPITAL, SCHOOL, HOTEL, LODGING, SUPERMARKET, MARKET, RESTAURANT, FACTORY, TRANSPORT_HUB, RELIGIOUS, OTHER;

    /** The category named by {@code value} (case-insensitive), or null when there is none. */
    public static Category parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String allowed() {
        return java.util.Arrays.toString(values());
    }
}
