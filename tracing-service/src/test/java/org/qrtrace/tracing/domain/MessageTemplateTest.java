package org.qrtrace.tracing.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageTemplateTest {

    @Test
    void rendersNamedPlaceholders() {
        MessageTemplate t = new MessageTemplate("qrtrace.tracing.notifications.templates.vi",
                "Bạn đã ở {venue} từ {from} đến {to}. {advice} Gọi {hotline}.");
        assertEquals("Bạn đã ở Chợ Cầu Ngang từ 21/11 17:00 đến 21/11 18:00. Tự cách ly. Gọi 1900 9095.",
                t.render(Map.of("venue", "Chợ Cầu Ngang", "from", "21/11 17:00", "to", "21/11 18:00",
                        "advice", "Tự cách ly.", "hotline", "1900 9095")));
    }

    @Test
    void aValueWithDollarsOrBracesIsInsertedAsIs() {
        MessageTemplate t = new MessageTemplate("k", "at {venue}");
        assertEquals("at $1 {to} \\", t.render(Map.of("venue", "$1 {to} \\")));
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingItAndTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new MessageTemplate("qrtrace.tracing.notifications.templates.en", "At {venue} on {date}, call {hotlin}"));
        assertTrue(e.getMessage().contains("qrtrace.tracing.notifications.templates.en"), e.getMessage());
        assertTrue(e.getMessage().contains("{date}") && e.getMessage().contains("{hotlin}"), e.getMessage());
    }

    @Test
    void anEmptyTemplateIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MessageTemplate("k", " "));
    }
}
