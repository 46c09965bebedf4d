package org.qrtrace.tracing.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The local hours in which SMS may go out, {@code [start, end)} in {@code zone}, written "HH:mm"; "24:00" as the end
 * means midnight, so "00:00"-"24:00" is the whole day. A window whose end is before its start runs over midnight.
 */
public record SendWindow(int startMinute, int endMinute, ZoneId zone) {

    public SendWindow {
        if (startMinute < 0 || startMinute > 1440 || endMinute < 0 || endMinute > 1440 || startMinute == endMinute) {
            throw new IllegalArgumentException("a send window needs two different times between 00:00 and 24:00");
        }
    }

    public static SendWindow of(String start, String end, ZoneId zone) {
        return new SendWindow(minutes("start", start), minutes("end", end), zone);
    }

    public boolean isOpen(Instant now) {
        LocalTime local = now.atZone(zone).toLocalTime();
        int minute = local.getHour() * 60 + local.getMinute();
        return startMinute < endMinute
                ? minute >= startMinute && minute < endMinute
                : minute >= startMinute || minute < endMinute;
    }

    private static int minutes(String which, String hhmm) {
        if ("24:00".equals(hhmm)) {
            return 1440;
        }
        try {
            LocalTime t = LocalTime.parse(hhmm);
            return t.getHour() * 60 + t.getMinute();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("the send window's " + which + " must be HH:mm (or 24:00), not " + hhmm);
        }
    }
}
