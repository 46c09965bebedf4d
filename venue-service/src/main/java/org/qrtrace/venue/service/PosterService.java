package org.qrtrace.venue.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.common.adminunit.EditionUnit;
import org.qrtrace.venue.config.PosterConfig;
import org.qrtrace.venue.domain.Category;
import org.qrtrace.venue.domain.Entrance;
import org.qrtrace.venue.domain.NoVenuesMatch;
import org.qrtrace.venue.domain.Requester;
import org.qrtrace.venue.domain.UnknownEntrance;
import org.qrtrace.venue.domain.Venue;
import org.qrtrace.venue.domain.VenueCodesRevoked;
import org.qrtrace.venue.service.poster.PdfPosterWriter;
import org.qrtrace.venue.service.poster.PngPosterWriter;
import org.qrtrace.venue.service.poster.PosterContent;
import org.qrtrace.venue.service.poster.PosterLayout;
import org.qrtrace.venue.service.poster.SvgPosterWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Printable QR posters for the venues a requester manages: one venue (or entrance), or many at once. */
@ApplicationScoped
public class PosterService {

    /** A rendered file. */
    public record Rendered(byte[] bytes, String mediaType, String fileName) {
    }

    /** The poster formats. */
    public enum Format {
        PNG("image/png"), SVG("image/svg+xml"), PDF("application/pdf");

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    private final VenueService venueService;
    private final QrCodes qrCodes;
    private final VenuePlacements placements;
    private final PosterConfig posterConfig;

    PosterService(VenueService venueService, QrCodes qrCodes, VenuePlacements placements, PosterConfig posterConfig) {
        this.venueService = venueService;
        this.qrCodes = qrCodes;
        this.placements = placements;
        this.posterConfig = posterConfig;
    }

    public Rendered poster(Requester requester, UUID venueId, UUID entranceId, Format format) {
        Venue venue = venueService.get(requester, venueId);
        if (venue.closed()) {
            throw new VenueCodesRevoked(venueId);
        }
        Entrance entrance = null;
        if (entranceId != null) {
            entrance = venue.entrances().stream().filter(e -> e.id().equals(entranceId)).findFirst()
                    .orElseThrow(UnknownEntrance::new);
        }
        PosterLayout layout = PosterLayout.of(content(venue, entrance, qrCodes.issuer(), placements.placer()),
                posterConfig.qrSideMillimetres());
        String base = "poster-" + venueId + (entrance == null ? "" : "-" + entrance.id());
        String title = venue.name() + (entrance == null ? "" : " – " + entrance.name());
        return switch (format) {
            case PNG -> new Rendered(PngPosterWriter.write(layout, posterConfig.pngWidthPixels()), format.mediaType,
                    base + ".png");
            case SVG -> new Rendered(SvgPosterWriter.write(layout, title).getBytes(StandardCharsets.UTF_8),
                    format.mediaType, base + ".svg");
            case PDF -> new Rendered(PdfPosterWriter.write(List.of(layout), title), format.mediaType, base + ".pdf");
        };
    }

    /** A poster of one code, named for its file in a bulk download. */
    private record Page(String fileName, PosterLayout layout) {
    }

    /**
     * One PDF with a page for every code of every selected venue: the venue-level code, then one per entrance. The
     * selection: the open venues the requester manages in the unit of {@code adminUnitCode} (null = anywhere; chosen as
     * the venue list chooses) of {@code category} (null = any).
     */
    public Rendered bulkPdf(Requester requester, String adminUnitCode, Category category) {
        List<PosterLayout> pages = pages(requester, adminUnitCode, category).stream().map(Page::layout).toList();
        String scope = scope(adminUnitCode, category);
        return new Rendered(PdfPosterWriter.write(pages, "QR posters " + scope), Format.PDF.mediaType,
                "posters-" + scope + ".pdf");
    }

    /** The same selection as {@link #bulkPdf} as a ZIP with one single-page PDF per code (to print a few again). */
    public Rendered bulkZip(Requester requester, String adminUnitCode, Category category) {
        List<Page> pages = pages(requester, adminUnitCode, category);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Page page : pages) {
                zip.putNextEntry(new ZipEntry(page.fileName()));
                zip.write(PdfPosterWriter.write(List.of(page.layout()), page.fileName()));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write poster ZIP", e);
        }
        return new Rendered(bytes.toByteArray(), "application/zip", "posters-" + scope(adminUnitCode, category) + ".zip");
    }

    private List<Page> pages(Requester requester, String adminUnitCode, Category category) {
        List<Venue> venues = venueService.selectForPosters(requester, adminUnitCode, category,
                posterConfig.bulkMaxVenues());
        if (venues.isEmpty()) {
            throw new NoVenuesMatch();
        }
        QrCodes.Issuer issuer = qrCodes.issuer();
        VenuePlacements.Placer placer = placements.placer();
        List<Page> pages = new ArrayList<>();
        for (Venue venue : venues) {
            pages.add(new Page("poster-" + venue.id() + ".pdf",
                    PosterLayout.of(content(venue, null, issuer, placer), posterConfig.qrSideMillimetres())));
            for (Entrance entrance : venue.entrances()) {
                pages.add(new Page("poster-" + venue.id() + "-" + entrance.id() + ".pdf",
                        PosterLayout.of(content(venue, entrance, issuer, placer), posterConfig.qrSideMillimetres())));
            }
        }
        return pages;
    }

    private static String scope(String adminUnitCode, Category category) {
        String scope = (adminUnitCode == null ? "all" : adminUnitCode)
                + (category == null ? "" : "-" + category.name().toLowerCase(Locale.ROOT));
        return scope.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private PosterContent content(Venue venue, Entrance entrance, QrCodes.Issuer issuer, VenuePlacements.Placer placer) {
        EditionUnit unit = placer.place(venue).unit();
        return new PosterContent(venue.id(), venue.name(), venue.address(),
                unit == null ? null : placements.placeName(unit),
                unit == null ? null : placements.placeNameToday(unit),
                entrance == null ? null : entrance.name(),
                entrance == null ? issuer.venueUrl(venue) : issuer.entranceUrl(entrance));
    }
}
