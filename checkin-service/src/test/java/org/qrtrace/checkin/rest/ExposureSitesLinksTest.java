package org.qrtrace.checkin.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExposureSitesLinksTest {

    @Test
    void theFeedsOriginIsWhatTheCspAllows() {
        assertEquals("http://127.0.0.1:8083", ExposureSitesLinks.origin(ExposureSitesLinks.feed("http://127.0.0.1:8083/api/v1/exposure-sites")));
        assertEquals("https://tracing.example.vn", ExposureSitesLinks.origin(ExposureSitesLinks.feed("https://Tracing.Example.VN:443/api/v1/exposure-sites")));
        assertEquals("http://feed.example.vn:8080", ExposureSitesLinks.origin(ExposureSitesLinks.feed("http://feed.example.vn:8080/sites")));
    }

    @Test
    void onlyAPlainAbsoluteHttpUrlIsAFeed() {
        for (String bad : new String[] {"/api/v1/exposure-sites", "ftp://h/x", "http:///x", "http://h/x?visitor=1",
                "http://h/x#me", "http://user:pw@h/x", "not a url"}) {
            assertThrows(IllegalArgumentException.class, () -> ExposureSitesLinks.feed(bad), bad);
        }
    }
}
