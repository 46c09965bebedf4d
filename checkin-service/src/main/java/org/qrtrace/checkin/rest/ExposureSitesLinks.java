package org.qrtrace.checkin.rest;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.checkin.config.CheckinConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the my-visits page's browser script reads tracing-service's exposure-site feed, and the public page that lists
 * the sites ({@code qrtrace.checkin.exposure-sites.*}). Checked when the service starts: both absolute http(s) URLs,
 * the feed without query, fragment or user info (the page promises a plain GET that says nothing about the visitor).
 * The feed's origin is the only {@code connect-src} of the my-visits page.
 */
@Startup
@ApplicationScoped
public class ExposureSitesLinks {

    private final String feedUrl;
    private final String feedOrigin;
    private final String pageUrl;

    @Inject
    public ExposureSitesLinks(CheckinConfig config) {
        URI feed = feed(config.exposureSites().feedUrl());
        feedUrl = feed.toString();
        feedOrigin = origin(feed);
        pageUrl = absolute("qrtrace.checkin.exposure-sites.page-url", config.exposureSites().pageUrl()).toString();
    }

    /** The feed's URL, as the browser fetches it. */
    public String feedUrl() {
        return feedUrl;
    }

    /** The feed's origin ({@code scheme://host[:port]}), for the page's Content-Security-Policy. */
    public String feedOrigin() {
        return feedOrigin;
    }

    /** The public page listing the exposure sites. */
    public String pageUrl() {
        return pageUrl;
    }

    /** The feed's URL, checked: absolute http(s), no query, fragment or user info. */
    static URI feed(String value) {
        URI feed = absolute("qrtrace.checkin.exposure-sites.feed-url", value);
        if (feed.getRawQuery() != null || feed.getRawFragment() != null || feed.getRawUserInfo() != null) {
            throw new IllegalArgumentException("qrtrace.checkin.exposure-sites.feed-url must have no query, fragment or "
                    + "user info: the browser reads it with a plain GET");
        }
        return feed;
    }

    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    private static URI absolute(String key, String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
            throw new IllegalArgumentException(key + " must be an absolute http or https URL with a host, not " + value);
        }
        return uri;
    }
}
