package org.qrtrace.console.view;

import org.junit.jupiter.api.Test;
import org.qrtrace.console.ConsoleConfig;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotificationPreviewTest {

    static final ConsoleConfig.Preview P = new ConsoleConfig.Preview() {
        public String templateVi() { return "[Bộ Y tế] Bạn đã ở {venue} từ {from} đến {to}. {advice} Đường dây nóng: {hotline}"; }
        public String templateEn() { return "You were at {venue} from {from} to {to}. {advice} Hotline: {hotline}"; }
        public String adviceVi() { return "Theo dõi sức khỏe."; }
        public String adviceEn() { return "Watch your health."; }
        public String hotline() { return "1900 9095"; }
    };

    @Test
    void latestExposureInLocalTime() {
        assertEquals("[Bộ Y tế] Bạn đã ở Cà phê Phố Cổ từ 02/12 16:00 đến 02/12 16:45. Theo dõi sức khỏe. Đường dây nóng: 1900 9095",
                NotificationPreview.render(P, "vi", Fixtures.contacts()));
        assertEquals("You were at Cà phê Phố Cổ from 02/12 16:00 to 02/12 16:45. Watch your health. Hotline: 1900 9095",
                NotificationPreview.render(P, "en", Fixtures.contacts()));
    }

    @Test
    void noContactsYet() {
        assertTrue(NotificationPreview.render(P, "en", List.of()).startsWith("You were at (venue) from dd/MM HH:mm"));
    }
}
