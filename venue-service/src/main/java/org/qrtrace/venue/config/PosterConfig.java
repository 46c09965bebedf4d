package org.qrtrace.venue.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Poster rendering. Defaults are documented in the README. */
@ConfigMapping(prefix = "qrtrace.venue.posters")
public interface PosterConfig {
    /** Most venues in one bulk poster PDF; a larger selection must be narrowed by its filter. */
    @WithDefault("300")
    int bulkMaxVenues();

    /** Side of the QR code (its modules, without the quiet zone) on A4 posters, in mm; 150-160 fit the page. */
    @WithDefault("160")
    int qrSideMillimetres();

    /** Width of the PNG poster in pixels (A4 proportions). */
    @WithDefault("1240")
    int pngWidthPixels();
}
