package org.qrtrace.venue.service;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.qrtrace.common.adminunit.AdminUnit;
import org.qrtrace.common.adminunit.AdminUnitRegistry;
import org.qrtrace.common.error.FieldError;
import org.qrtrace.common.problem.ProblemMappers;
import org.qrtrace.venue.domain.Category;
import org.qrtrace.venue.domain.InvalidCsv;
import org.qrtrace.venue.domain.Requester;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzing the CSV import (jqwik): whatever the bytes, reading a file ends in either a report whose every problem points
 * at a real line and column, or a 400 naming {@code body}/{@code header}; never another exception. And a row reads the
 * same as the JSON API would judge the same values, however the cells are quoted.
 */
class VenueCsvReaderPropertyTest {

    static final String HEADER = "name,category,adminUnitCode,address,contactPhone,capacity,entrances,organisation";
    static final Requester ADMIN = new Requester(true, false, Set.of(), Optional.empty());
    /** Codes of the units in force on {@link #DAY}. */
    static final List<String> UNIT_CODES = AdminUnitRegistry.bundled().treeOn(LocalDate.of(2026, 12, 4)).all().stream()
            .map(AdminUnit::code).toList();
    /** CSV metacharacters, formula starters, separators, controls, BOM, Vietnamese letters and plain ASCII. */
    static final String NASTY = ",\"\r\n\t|=+-@ ;'\\\u0000\u0007\uFEFF\u00a0ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệĐƯ";

    final VenueValidator validator = new VenueValidator();
    static final LocalDate DAY = LocalDate.of(2026, 12, 4);
    final VenueCsvReader reader = new VenueCsvReader(validator, 1000, DAY);

    @Property(tries = 1000)
    void arbitraryBytesGiveAReportOrA400(@ForAll @Size(max = 600) byte[] body) {
        assertReportOr400(body);
    }

    @Property(tries = 1000)
    void csvLikeTextAfterAValidHeaderGivesAReportOrA400(@ForAll("csvLike") String rows) {
        assertReportOr400((HEADER + "\r\n" + rows).getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 1000)
    void everyMutationOfAValidFileGivesAReportOrA400(@ForAll("validFiles") String file,
                                                     @ForAll @IntRange(min = 0, max = 10_000) int at,
                                                     @ForAll("nastyChars") char c,
                                                     @ForAll @IntRange(min = 0, max = 2) int how) {
        int i = at % (file.length() + 1);
        String mutated = switch (how) {
            case 0 -> file.substring(0, i) + c + file.substring(i);                                   // insert
            case 1 -> i < file.length() ? file.substring(0, i) + file.substring(i + 1) : file;        // delete
            default -> i < file.length() ? file.substring(0, i) + c + file.substring(i + 1) : file + c; // replace
        };
        assertReportOr400(mutated.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 500)
    void aRowReadsAsTheJsonApiWouldJudgeTheSameValues(@ForAll("inputs") List<VenueInput> inputs,
                                                      @ForAll boolean bom, @ForAll boolean crlf) {
        StringBuilder csv = new StringBuilder(bom ? "\uFEFF" : "").append(HEADER).append(crlf ? "\r\n" : "\n");
        for (VenueInput in : inputs) {
            csv.append(String.join(",", quote(in.name()), quote(in.category()), quote(in.adminUnitCode()),
                    quote(in.address()), quote(in.contactPhone()), in.capacity() == null ? "" : in.capacity().toString(),
                    quote(String.join("|", in.entranceNames())), quote(in.organisation()))).append(crlf ? "\r\n" : "\n");
        }
        VenueCsvReader.Parsed parsed = reader.read(csv.toString().getBytes(StandardCharsets.UTF_8), ADMIN);

        assertEquals(inputs.size(), parsed.rows());
        List<VenueCsvReader.ValidRow> valid = new ArrayList<>(parsed.valid());
        for (int row = 0; row < inputs.size(); row++) {
            VenueValidator.Result json = validator.validate(inputs.get(row), true, DAY);
            int line = lineOfRow(csv.toString(), row);
            Set<String> csvFields = parsed.errors().stream().filter(e -> e.line() == line)
                    .map(e -> VenueCsvReader.columnOf(e.field())).collect(Collectors.toSet());
            Set<String> jsonFields = json.errors().stream().map(e -> VenueCsvReader.columnOf(e.field()))
                    .collect(Collectors.toSet());
            assertEquals(jsonFields, csvFields, "row " + row + " (line " + line + ")");
            net.jqwik.api.statistics.Statistics.label("row").collect(json.valid() ? "valid" : "invalid");
            if (json.valid()) {
                VenueCsvReader.ValidRow read = valid.remove(0);
                assertEquals(line, read.line());
                assertEquals(json.draft(), read.draft());
            }
        }
        assertTrue(valid.isEmpty());
        net.jqwik.api.statistics.Statistics.label("row").coverage(c -> {
            c.check("valid").percentage(p -> p > 5);
            c.check("invalid").percentage(p -> p > 5);
        });
    }

    @Example
    void formulaCellsAreDataNotFormulas() {
        String csv = HEADER + "\n=HYPERLINK(\"http://x\"),OFFICE,30,\"+1,2\",,,@SUM(A1)|-2+3,\n";
        VenueCsvReader.Parsed parsed = reader.read(csv.getBytes(StandardCharsets.UTF_8), ADMIN);
        assertEquals(List.of(), parsed.errors());
        assertEquals("=HYPERLINK(\"http://x\")", parsed.valid().get(0).draft().name());
        assertEquals(List.of("@SUM(A1)", "-2+3"), parsed.valid().get(0).draft().entranceNames());
    }

    /**
     * The invariants of any outcome: a 400 names the file as a whole; a report has one verdict per data row (valid, or
     * problems on that row's line), and every problem names a field, a line after the header and a real column.
     */
    void assertReportOr400(byte[] body) {
        VenueCsvReader.Parsed parsed;
        try {
            parsed = reader.read(body, ADMIN);
        } catch (InvalidCsv e) {
            assertEquals(400, ProblemMappers.statusOf(e).code());
            assertFalse(e.errors().isEmpty());
            for (FieldError error : e.errors()) {
                assertTrue(Set.of("body", "header").contains(error.field()), error.toString());
                assertFalse(error.message().isBlank());
            }
            return;
        }
        long lines = new String(body, StandardCharsets.UTF_8).lines().count() + 1;
        Set<Integer> rowLines = new HashSet<>();
        for (FieldError error : parsed.errors()) {
            assertNotNull(error.field());
            assertFalse(error.message().isBlank());
            assertNotNull(error.line());
            assertTrue(error.line() >= 2 && error.line() <= lines, error.toString());
            if (error.column() != null) {
                assertTrue(error.column() >= 1 && error.column() <= parsed.columns().size(), error.toString());
            }
            rowLines.add(error.line());
        }
        for (VenueCsvReader.ValidRow row : parsed.valid()) {
            assertFalse(rowLines.contains(row.line()), "a valid row has no problems");
            rowLines.add(row.line());
        }
        assertEquals(parsed.rows(), rowLines.size(), "one verdict per data row");
    }

    static String quote(String cell) {
        if (cell == null) {
            return "";
        }
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    /** The line the given data row starts on: the header is line 1; quoted cells may span lines. */
    static int lineOfRow(String csv, int row) {
        VenueCsvReader.LineIndex index = new VenueCsvReader.LineIndex(csv);
        int records = -1;
        boolean quoted = false;
        boolean atStart = true;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (atStart && c != '\uFEFF') {
                records++;
                if (records == row + 1) {
                    return index.lineOf(i);
                }
                atStart = false;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || (c == '\r' && (i + 1 >= csv.length() || csv.charAt(i + 1) != '\n')))) {
                atStart = true;
            }
        }
        throw new AssertionError("no row " + row);
    }

    @Provide
    Arbitrary<Character> nastyChars() {
        return Arbitraries.oneOf(Arbitraries.of(NASTY.toCharArray()).map(Character.class::cast),
                Arbitraries.chars().ascii());
    }

    @Provide
    Arbitrary<String> csvLike() {
        return Arbitraries.strings().withChars(NASTY.toCharArray()).withCharRange('a', 'e').withCharRange('0', '9')
                .ofMaxLength(300);
    }

    @Provide
    Arbitrary<String> validFiles() {
        return inputs().map(list -> {
            StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
            for (VenueInput in : list) {
                sb.append(String.join(",", quote(in.name()), in.category(), in.adminUnitCode(), quote(in.address()), "",
                        "", quote(String.join("|", in.entranceNames())), "")).append("\r\n");
            }
            return sb.toString();
        });
    }

    @Provide
    Arbitrary<List<VenueInput>> inputs() {
        // mostly printable text with CSV metacharacters (valid rows), sometimes anything nasty (controls: invalid rows)
        Arbitrary<String> text = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.strings().withChars(",\"|=+-@ ;'ăâđêôơưạảấĐƯ").withCharRange('a', 'z')
                        .withCharRange('A', 'Z').ofMaxLength(40)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars(NASTY.toCharArray()).withCharRange('a', 'z')
                        .ofMaxLength(40)));
        Arbitrary<String> category = Arbitraries.oneOf(
                Arbitraries.of(Category.values()).map(Enum::name), Arbitraries.of("hospital", " Office ", "", "Chợ"));
        Arbitrary<String> unit = Arbitraries.oneOf(Arbitraries.of(UNIT_CODES), Arbitraries.of("", "0", "99999", " 30 ", "31", "11311", "10522"));
        Arbitrary<String> phone = Arbitraries.oneOf(Arbitraries.just(null),
                Arbitraries.of("0912345678", "+84 220 3890 000", "12", "+1"), Arbitraries.strings().numeric().ofMaxLength(14));
        Arbitrary<Integer> capacity = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.integers().between(-5, 2_000_000));
        Arbitrary<List<String>> entrances = text.map(s -> s.replace("|", "/")).filter(s -> !s.isBlank()).list().ofMaxSize(4);
        Arbitrary<String> organisation = Arbitraries.oneOf(Arbitraries.just(null), text);
        Arbitrary<VenueInput> one = Combinators.combine(text, category, unit, text, phone, capacity, organisation, entrances)
                .as(VenueInput::new);
        return one.list().ofMinSize(1).ofMaxSize(8).map(list -> {
            // unique names so that no two rows are the same venue (that rule is the file's, not the JSON API's)
            List<VenueInput> unique = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                VenueInput in = list.get(i);
                unique.add(new VenueInput(in.name() + " n" + i, in.category(), in.adminUnitCode(), in.address(),
                        in.contactPhone(), in.capacity(), in.organisation(), in.entranceNames()));
            }
            return unique;
        });
    }
}
