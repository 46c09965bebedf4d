package org.qrtrace.venue.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;
import org.qrtrace.common.problem.Problem.FieldError;
import org.qrtrace.common.problem.ProblemException;
import org.qrtrace.venue.config.VenueLimitsConfig;
import org.qrtrace.venue.domain.IdentityKey;
import org.qrtrace.venue.domain.Requester;
import org.qrtrace.venue.domain.Venue;
import org.qrtrace.venue.domain.VenueDraft;
import org.qrtrace.venue.repository.DuplicateVenueException;
import org.qrtrace.venue.repository.VenueRepository;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Bulk registration from CSV (UTF-8, with or without BOM, RFC 4180). The first line names the columns (any order,
 * case-insensitive): {@code name, category, adminUnitCode, address} are required, {@code contactPhone, capacity,
 * entrances} ({@code |}-separated names), {@code organisation} (admins only) optional. Every row is checked with the
 * same rules as the JSON API and each problem is reported with its line and column. Nothing is created when any row
 * fails, unless partial import is asked for, in which case the valid rows are created and the rest reported.
 */
@ApplicationScoped
public class VenueImportService {

    private static final Logger LOG = Logger.getLogger(VenueImportService.class);
    static final List<String> REQUIRED = List.of("name", "category", "adminUnitCode", "address");
    static final List<String> OPTIONAL = List.of("contactPhone", "capacity", "entrances", "organisation");
    static final String ENTRANCE_SEPARATOR = "|";

    @Inject
    VenueRepository venues;

    @Inject
    VenueService venueService;

    @Inject
    VenueValidator validator;

    @Inject
    VenueLimitsConfig limits;

    @Inject
    Clock clock;

    /** One created venue and the line it came from. */
    public record CreatedRow(int line, UUID id, String name) {
    }

    /** The outcome: rows read, venues created, and every problem (capped at the configured number of reports). */
    public record Report(int rows, int created, int rejected, List<CreatedRow> venues, List<FieldError> errors,
                         int errorCount) {
    }

    /** A data row that passed validation. */
    private record ValidRow(int line, VenueDraft draft) {
    }

    @Transactional
    public Report importCsv(Requester requester, byte[] body, boolean partial) {
        VenueService.requireManager(requester);
        if (!requester.admin() && requester.organisation().isEmpty()) {
            throw ProblemException.forbidden("a venue manager needs an organisation (token claim 'org') to import venues");
        }
        long started = System.nanoTime();
        String text = decode(body);
        LineIndex lines = new LineIndex(text);
        List<ValidRow> valid = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        int rows = 0;
        Map<String, Integer> columns;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            var iterator = parser.iterator();
            if (!iterator.hasNext()) {
                throw ProblemException.badField("body", "the CSV is empty; the first line must name the columns");
            }
            CSVRecord header = iterator.next();
            columns = header(header, lines.lineOf(header.getCharacterPosition()));
            Map<IdentityKey, Integer> seen = new HashMap<>();
            while (iterator.hasNext()) {
                CSVRecord record = iterator.next();
                rows++;
                if (rows > limits.importMaxRows()) {
                    throw ProblemException.badField("body", "more than " + limits.importMaxRows()
                            + " rows; split the file");
                }
                int line = lines.lineOf(record.getCharacterPosition());
                List<FieldError> rowErrors = new ArrayList<>();
                VenueDraft draft = row(record, line, columns, requester, rowErrors);
                if (draft != null) {
                    Integer earlier = seen.putIfAbsent(draft.identity(), line);
                    if (earlier != null) {
                        rowErrors.add(new FieldError("name", "same administrative unit, name and address as line "
                                + earlier, line, columns.get("name")));
                    } else {
                        valid.add(new ValidRow(line, draft));
                    }
                }
                errors.addAll(rowErrors);
            }
        } catch (IOException | UncheckedIOException e) {
            throw ProblemException.badField("body", "not readable as CSV: " + e.getMessage());
        }
        if (rows == 0) {
            throw ProblemException.badField("body", "no data rows after the header line");
        }
        Set<IdentityKey> existing = venues.openIdentitiesIn(
                valid.stream().map(r -> r.draft().adminUnitCode()).collect(Collectors.toSet()));
        List<ValidRow> fresh = new ArrayList<>();
        for (ValidRow r : valid) {
            if (existing.contains(r.draft().identity())) {
                errors.add(new FieldError("name", "an open venue with the same administrative unit, name and address "
                        + "is already registered", r.line(), columns.get("name")));
            } else {
                fresh.add(r);
            }
        }
        int rejectedRows = rows - fresh.size();
        int errorCount = errors.size();
        errors.sort(Comparator.comparing(FieldError::line, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
                .thenComparing(FieldError::column, Comparator.nullsFirst(Comparator.<Integer>naturalOrder())));
        List<FieldError> reported = errors.size() > limits.importMaxReportedErrors()
                ? errors.subList(0, limits.importMaxReportedErrors()) : errors;
        if (errorCount > 0 && !partial) {
            throw ProblemException.badRequest(rejectedRows + " of " + rows + " rows have problems (" + errorCount
                    + " in total" + (reported.size() < errorCount ? ", first " + reported.size() + " listed" : "")
                    + "); nothing was imported", reported);
        }
        long validated = System.nanoTime();
        Instant now = clock.instant();
        List<Venue> created = new ArrayList<>(fresh.size());
        List<CreatedRow> createdRows = new ArrayList<>(fresh.size());
        for (ValidRow r : fresh) {
            Venue v = VenueService.newVenue(r.draft(), organisation(requester, r.draft()), now);
            created.add(v);
            createdRows.add(new CreatedRow(r.line(), v.id(), v.name()));
        }
        if (!created.isEmpty()) {
            try {
                venues.insert(created);
            } catch (DuplicateVenueException e) {
                throw ProblemException.conflict("a venue of this file was registered by someone else meanwhile; "
                        + "nothing was imported, try again");
            }
            venueService.appendRegistered(created);
        }
        LOG.infof("CSV import: %d rows, %d venues created, %d rows rejected (checked in %d ms, stored in %d ms)", rows,
                created.size(), rejectedRows, (validated - started) / 1_000_000, (System.nanoTime() - validated) / 1_000_000);
        return new Report(rows, created.size(), rejectedRows, createdRows, List.copyOf(reported), errorCount);
    }

    private static String organisation(Requester requester, VenueDraft draft) {
        return requester.admin() ? draft.organisation() : requester.organisation().orElseThrow();
    }

    private Map<String, Integer> header(CSVRecord header, int line) {
        Map<String, String> known = new HashMap<>();
        for (String c : REQUIRED) {
            known.put(c.toLowerCase(Locale.ROOT), c);
        }
        for (String c : OPTIONAL) {
            known.put(c.toLowerCase(Locale.ROOT), c);
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            String canonical = known.get(name.toLowerCase(Locale.ROOT));
            if (canonical == null) {
                errors.add(new FieldError("header", "unknown column '" + name + "'; known columns: "
                        + String.join(", ", REQUIRED) + ", " + String.join(", ", OPTIONAL), line, i + 1));
            } else if (columns.putIfAbsent(canonical, i + 1) != null) {
                errors.add(new FieldError("header", "column '" + name + "' appears twice", line, i + 1));
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                errors.add(new FieldError("header", "required column '" + required + "' is missing", line, null));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("the header line (" + line + ") does not name the expected columns; "
                    + "nothing was imported", errors);
        }
        return columns;
    }

    private VenueDraft row(CSVRecord record, int line, Map<String, Integer> columns, Requester requester,
                           List<FieldError> errors) {
        if (record.size() != columns.size()) {
            errors.add(new FieldError("row", "expected " + columns.size() + " columns, found " + record.size(), line,
                    null));
            return null;
        }
        Integer capacity = null;
        String rawCapacity = cell(record, columns, "capacity");
        if (rawCapacity != null && !rawCapacity.isBlank()) {
            try {
                capacity = Integer.valueOf(rawCapacity.strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("capacity", "must be a whole number", line, columns.get("capacity")));
            }
        }
        String rawEntrances = cell(record, columns, "entrances");
        List<String> entrances = rawEntrances == null || rawEntrances.isBlank() ? List.of()
                : Arrays.stream(rawEntrances.split("\\" + ENTRANCE_SEPARATOR, -1)).map(String::strip).toList();
        String organisation = cell(record, columns, "organisation");
        if (organisation != null && !organisation.isBlank() && !requester.admin()
                && !organisation.strip().equals(requester.organisation().orElse(null))) {
            errors.add(new FieldError("organisation", "must be empty or your own organisation", line,
                    columns.get("organisation")));
        }
        VenueValidator.Result result = validator.validate(new VenueInput(cell(record, columns, "name"),
                cell(record, columns, "category"), cell(record, columns, "adminUnitCode"), cell(record, columns, "address"),
                cell(record, columns, "contactPhone"), capacity, organisation, entrances), true);
        for (FieldError e : result.errors()) {
            errors.add(new FieldError(e.field(), e.message(), line, columns.get(columnOf(e.field()))));
        }
        return errors.isEmpty() ? result.draft() : null;
    }

    /** {@code entrances[2].name} is reported against the {@code entrances} column. */
    static String columnOf(String field) {
        int cut = field.indexOf('[');
        return cut < 0 ? field : field.substring(0, cut);
    }

    private static String cell(CSVRecord record, Map<String, Integer> columns, String name) {
        Integer column = columns.get(name);
        return column == null ? null : record.get(column - 1);
    }

    static String decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.badField("body", "the CSV is empty; the first line must name the columns");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ProblemException.badField("body", "not UTF-8 text; save the file as CSV UTF-8");
        }
    }

    /** Maps a character offset to its 1-based line number (CR LF, LF or CR end a line). */
    static final class LineIndex {
        private final int[] lineStarts;

        LineIndex(String text) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        int lineOf(long offset) {
            int found = Arrays.binarySearch(lineStarts, (int) offset);
            return found >= 0 ? found + 1 : -found - 1;
        }
    }
}
