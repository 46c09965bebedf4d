package org.qrtrace.venue.service;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.qrtrace.common.error.FieldError;
import org.qrtrace.venue.domain.IdentityKey;
import org.qrtrace.venue.domain.InvalidCsv;
import org.qrtrace.venue.domain.Requester;
import org.qrtrace.venue.domain.VenueDraft;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a venue CSV (UTF-8, with or without BOM, RFC 4180) into validated drafts and per-cell problems, without
 * touching the database: the first line names the columns (any order, case-insensitive): {@code name, category,
 * adminUnitCode, address} are required, {@code contactPhone, capacity, entrances} ({@code |}-separated names),
 * {@code organisation} (admins only) optional. Every row is checked with the same rules as the JSON API, its
 * administrative unit code for the day of the import; each problem carries its line and column. Whatever the bytes, the outcome is a {@link Parsed} or an {@link InvalidCsv}
 * (the fuzz properties in {@code VenueCsvReaderPropertyTest} hold it to that).
 */
public final class VenueCsvReader {

    static final List<String> REQUIRED = List.of("name", "category", "adminUnitCode", "address");
    static final List<String> OPTIONAL = List.of("contactPhone", "capacity", "entrances", "organisation");
    static final String ENTRANCE_SEPARATOR = "|";

    /** A data row that passed validation. */
    public record ValidRow(int line, VenueDraft draft) {
    }

    /** Data rows read, the valid ones (first of each identity), the problems, and the column numbers by name. */
    public record Parsed(int rows, List<ValidRow> valid, List<FieldError> errors, Map<String, Integer> columns) {
    }

    private final VenueValidator validator;
    private final int maxRows;
    private final LocalDate day;

    /** @param day the local day of the import: the day the rows' administrative unit codes are given */
    public VenueCsvReader(VenueValidator validator, int maxRows, LocalDate day) {
        this.validator = validator;
        this.maxRows = maxRows;
        this.day = day;
    }

    /** @throws InvalidCsv naming {@code body} or {@code header} when the file as a whole cannot be read */
    public Parsed read(byte[] body, Requester requester) {
        String text = decode(body);
        LineIndex lines = new LineIndex(text);
        List<ValidRow> valid = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        int rows = 0;
        Map<String, Integer> columns;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            var iterator = parser.iterator();
            if (!iterator.hasNext()) {
                throw InvalidCsv.body("the CSV is empty; the first line must name the columns");
            }
            CSVRecord header = iterator.next();
            columns = header(header, lines.lineOf(header.getCharacterPosition()));
            Map<IdentityKey, Integer> seen = new HashMap<>();
            while (iterator.hasNext()) {
                CSVRecord record = iterator.next();
                rows++;
                if (rows > maxRows) {
                    throw InvalidCsv.body("more than " + maxRows + " rows; split the file");
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
            throw InvalidCsv.body("not readable as CSV: " + e.getMessage());
        }
        if (rows == 0) {
            throw InvalidCsv.body("no data rows after the header line");
        }
        return new Parsed(rows, valid, errors, columns);
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
            throw new InvalidCsv("the header line (" + line + ") does not name the expected columns; "
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
        if (!VenueAccess.mayRegisterFor(requester, organisation == null ? null : organisation.strip())) {
            errors.add(new FieldError("organisation", "must be empty or your own organisation", line,
                    columns.get("organisation")));
        }
        VenueValidator.Result result = validator.validate(new VenueInput(cell(record, columns, "name"),
                cell(record, columns, "category"), cell(record, columns, "adminUnitCode"), cell(record, columns, "address"),
                cell(record, columns, "contactPhone"), capacity, organisation, entrances), true, day);
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
            throw InvalidCsv.body("the CSV is empty; the first line must name the columns");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw InvalidCsv.body("not UTF-8 text; save the file as CSV UTF-8");
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
