package org.qrtrace.common.adminunit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every edition of the official list of Vietnamese administrative units, as they were and as they are: the 63 provinces
 * of the three-level list in force until 2025-06-30 and the 34 provinces and 3,321 communes (two levels, districts
 * abolished) in force from 2025-07-01, and which old unit went into which new one.
 *
 * <h2>Data</h2>
 * Loaded from a manifest ({@code admin-units/editions.csv}: {@code edition,from,file,mergesFile,source}, oldest
 * first), each edition's file ({@code code,name,level,parentCode}) and, from the second edition on, its merges file
 * ({@code level,newCode,oldCode,oldName,kind}, {@code kind} = {@code full} or {@code partial}) linking it to the
 * previous edition; optional seed populations ({@code populations.csv}: {@code edition,code,count,year,source}) next to
 * the manifest. Lines starting with {@code #} are comments; the first other line is the header. A newer official list is
 * added by adding its two files and one manifest line: no code changes.
 *
 * <p>Everything is checked on load, each error an {@link AdminUnitDataException} naming the file and line: column
 * count and header; codes of 2-5 digits; known levels; a code repeated within an edition; a province with a parent, or
 * another unit whose parent does not exist in the same edition or is not the level just above it <em>in that edition</em>
 * (a commune's parent is a district in the three-level edition, a province in the two-level one); a merge row naming a
 * unit that does not exist in its edition or of the wrong level (a {@code PROVINCE} row maps provinces; a
 * {@code COMMUNE} row maps to a commune from a commune, or from a district without communes: the island districts
 * Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn and Côn Đảo became special zones); a repeated (newCode, oldCode) pair; an old
 * unit said to go {@code full} into one unit and also mapped elsewhere; and completeness: every province and every
 * lowest unit (a unit below province level without children) of the previous edition is the old unit of a row, and
 * every province and lowest unit of the new edition the new unit of one. Rows that contradict each other without
 * being impossible are kept and listed in {@link #warnings()} (the 2025-07-01 merges map old commune 30622 Xã Tân Phú
 * of An Giang into a commune of Đồng Tháp, a province An Giang's province row does not name).
 *
 * <h2>Identity</h2>
 * A unit is identified by (edition, code), never by code alone: codes collide across editions (commune 00004 is Phường
 * Trúc Bạch in 2025-03-01 and Phường Ba Đình in 2025-07-01; province 01 is in both). Within one edition a code is
 * unique, so each edition is an {@link AdminUnits} tree.
 *
 * <h2>Mapping between consecutive editions</h2>
 * Successors of an old unit in the next edition, and predecessors of a new unit in the previous one:
 * <ul>
 * <li>a unit named by rows of the merges file (provinces by the province rows, communes by the commune rows) maps by
 * its rows, each with its kind: FULL = the whole old unit went into the new unit, PARTIAL = only part of it did;</li>
 * <li>an old unit no row names (a district, gone since 2025-07-01) maps onto the union of its children's successors
 * (recursively, so its communes'); a successor is FULL only if every child went wholly (a single FULL successor) into
 * that same unit, else PARTIAL; e.g. district 288 Thành phố Hải Dương is PARTIAL in each of the nine new communes
 * its communes went into, district 207 Huyện Cô Tô, whose three communes all went into new commune 07192, is FULL in
 * it;</li>
 * <li>a new unit no row names (none in 2025-07-01; a district of a future three-level list) has as predecessors the
 * union of its children's, each FULL when all of that predecessor's successors lie within the new unit.</li>
 * </ul>
 * Across more than two editions mappings are composed step by step: the units reached are the union along every path,
 * and a unit is FULL when some path to it is FULL at every step (conservative: a unit split and rejoined later counts
 * as PARTIAL).
 *
 * <h2>Jurisdiction across editions</h2>
 * See {@link #covers(EditionUnit, EditionUnit)}: never widen an officer's view by a partial mapping.
 *
 * <p>Loading the whole country (about 14,000 units and 10,700 merge rows, 1 MB) is one pass over each file: well
 * under a second the first time in a JVM, tens of milliseconds once warm; {@link #bundled()} loads it once. Lookups by
 * (edition, code) are hash look-ups, {@code isWithin} and ancestry walk the parents (O(depth)), mappings between
 * consecutive editions are computed on load (a mapping across k editions is k look-up steps). Instances are immutable
 * and thread-safe.
 */
public final class AdminUnitRegistry {

    /**
     * The zone whose calendar days the official lists' dates are: an edition is in force from a Vietnamese day, so a
     * code given at an instant, an officer's claim read "today" and a report's date are all days in this zone. A fact of
     * the data, not a setting: both services read it here.
     */
    public static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    /** The day an instant falls on in {@link #ZONE} (the day a code is given, a claim is read). */
    public static LocalDate dayOf(java.time.Instant at) {
        return LocalDate.ofInstant(at, ZONE);
    }

    /** The manifest shipped with this build, on the class path. */
    public static final String MANIFEST = "/admin-units/editions.csv";
    /** The seed populations' file, next to the manifest (optional). */
    public static final String POPULATIONS = "populations.csv";

    static final String MANIFEST_HEADER = "edition,from,file,mergesFile,source";
    static final String EDITION_HEADER = "code,name,level,parentCode";
    static final String MERGES_HEADER = "level,newCode,oldCode,oldName,kind";
    static final String POPULATIONS_HEADER = "edition,code,count,year,source";

    private static volatile AdminUnitRegistry bundled;

    private final List<Edition> editions;
    private final Map<String, Edition> byId;
    private final TreeMap<LocalDate, Edition> byStart;
    private final List<String> warnings;
    private final Map<String, List<PopulationCount>> populations;

    private AdminUnitRegistry(List<Edition> editions, List<String> warnings, Map<String, List<PopulationCount>> populations) {
        this.editions = List.copyOf(editions);
        Map<String, Edition> ids = new HashMap<>();
        TreeMap<LocalDate, Edition> starts = new TreeMap<>();
        for (Edition e : editions) {
            ids.put(e.info.id(), e);
            starts.put(e.index == 0 ? LocalDate.MIN : e.info.from(), e);
        }
        this.byId = ids;
        this.byStart = starts;
        this.warnings = List.copyOf(warnings);
        this.populations = populations;
    }

    // ------------------------------------------------------------------------------------------------------ loading

    /** Opens a data file by its name in the manifest; null when there is no such file. */
    @FunctionalInterface
    interface Opener {
        InputStream open(String name) throws IOException;
    }

    /** The editions shipped with this build ({@link #MANIFEST}), loaded once. */
    public static AdminUnitRegistry bundled() {
        if (bundled == null) {
            synchronized (AdminUnitRegistry.class) {
                if (bundled == null) {
                    String folder = MANIFEST.substring(0, MANIFEST.lastIndexOf('/') + 1);
                    bundled = load(MANIFEST.substring(folder.length()),
                            name -> AdminUnitRegistry.class.getResourceAsStream(folder + name));
                }
            }
        }
        return bundled;
    }

    /** Loads the editions of a manifest file; the files it names (and {@code populations.csv}) are beside it. */
    public static AdminUnitRegistry load(Path manifest) {
        Path folder = manifest.toAbsolutePath().getParent();
        return load(manifest.getFileName().toString(), name -> {
            Path file = folder.resolve(name);
            return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
        });
    }

    static AdminUnitRegistry load(String manifestName, Opener opener) {
        List<Line> manifest = read(opener, manifestName, MANIFEST_HEADER, true);
        List<Edition> editions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < manifest.size(); i++) {
            Line line = manifest.get(i);
            String[] f = line.fields(5);
            String id = f[0];
            if (id.isEmpty() || !ids.add(id)) {
                throw line.error(id.isEmpty() ? "the edition id is empty" : "edition " + id + " is repeated");
            }
            LocalDate from = null;
            if (!f[1].isEmpty()) {
                try {
                    from = LocalDate.parse(f[1]);
                } catch (DateTimeParseException e) {
                    throw line.error("from '" + f[1] + "' is not a date (yyyy-MM-dd)");
                }
            } else if (i > 0) {
                throw line.error("only the first edition may be in force since ever (empty from)");
            }
            if (i > 0) {
                LocalDate previous = editions.get(i - 1).info.from();
                if (previous != null && !from.isAfter(previous)) {
                    throw line.error("from " + from + " is not after the previous edition's " + previous);
                }
            }
            if (f[2].isEmpty()) {
                throw line.error("the edition's file is empty");
            }
            if (i == 0 && !f[3].isEmpty()) {
                throw line.error("the first edition has no merges file");
            }
            if (i > 0 && f[3].isEmpty()) {
                throw line.error("edition " + id + " needs a merges file linking it to the previous edition");
            }
            LocalDate to = null;
            if (i + 1 < manifest.size()) {
                String next = manifest.get(i + 1).fields(5)[1];
                try {
                    to = next.isEmpty() ? null : LocalDate.parse(next);
                } catch (DateTimeParseException e) {
                    throw manifest.get(i + 1).error("from '" + next + "' is not a date (yyyy-MM-dd)");
                }
            }
            AdminUnitEdition info = new AdminUnitEdition(id, from, to, f[2], f[3].isEmpty() ? null : f[3],
                    f[4].isEmpty() ? null : f[4], i == 0);
            Edition edition = readEdition(i, info, opener);
            if (i > 0) {
                link(editions.get(i - 1), edition, opener, warnings);
            }
            editions.add(edition);
        }
        if (editions.isEmpty()) {
            throw new AdminUnitDataException(manifestName, 0, "names no edition");
        }
        Map<String, Edition> byId = editions.stream().collect(Collectors.toMap(e -> e.info.id(), e -> e));
        return new AdminUnitRegistry(editions, warnings, readPopulations(opener, byId));
    }

    private static Edition readEdition(int index, AdminUnitEdition info, Opener opener) {
        Map<String, AdminUnit> units = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (Line line : read(opener, info.file(), EDITION_HEADER, false)) {
            String[] f = line.fields(4);
            String code = code(line, f[0], "code");
            if (f[1].isEmpty()) {
                throw line.error("the name of " + code + " is empty");
            }
            AdminUnit.Level level = level(line, f[2]);
            String parent = f[3].isEmpty() ? null : code(line, f[3], "parentCode");
            Integer first = lineOf.putIfAbsent(code, line.number);
            if (first != null) {
                throw line.error("code " + code + " is repeated within edition " + info.id() + " (first at line " + first + ")");
            }
            units.put(code, new AdminUnit(code, f[1], level, parent));
        }
        EnumSet<AdminUnit.Level> used = EnumSet.noneOf(AdminUnit.Level.class);
        units.values().forEach(u -> used.add(u.level()));
        for (AdminUnit u : units.values()) {
            Line line = new Line(info.file(), lineOf.get(u.code()), null);
            if (u.level() == AdminUnit.Level.PROVINCE) {
                if (u.parentCode() != null) {
                    throw line.error("province " + u.code() + " has a parent (" + u.parentCode() + ")");
                }
                continue;
            }
            if (u.parentCode() == null) {
                throw line.error(u.level() + " " + u.code() + " has no parentCode");
            }
            AdminUnit parent = units.get(u.parentCode());
            if (parent == null) {
                throw line.error("parent " + u.parentCode() + " of " + u.code() + " does not exist in edition " + info.id());
            }
            AdminUnit.Level above = levelAbove(used, u.level());
            if (parent.level() != above) {
                throw line.error("parent " + u.parentCode() + " of " + u.level() + " " + u.code() + " is a " + parent.level()
                        + ", not one level up (in edition " + info.id() + " a " + u.level() + "'s parent is a " + above + ")");
            }
        }
        return new Edition(index, info, AdminUnits.of(units, info.id()), lineOf);
    }

    private static AdminUnit.Level levelAbove(Set<AdminUnit.Level> used, AdminUnit.Level level) {
        AdminUnit.Level above = null;
        for (AdminUnit.Level l : used) {
            if (l.ordinal() < level.ordinal()) {
                above = l;
            }
        }
        return above;
    }

    /** Reads the merges file of {@code next}, checks it and computes the mappings between the two editions. */
    private static void link(Edition prev, Edition next, Opener opener, List<String> warnings) {
        String file = next.info.mergesFile();
        Map<String, List<Row>> byOld = new HashMap<>();
        Map<String, List<Row>> byNew = new HashMap<>();
        Map<String, Integer> pairs = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (Line line : read(opener, file, MERGES_HEADER, false)) {
            String[] f = line.fields(5);
            AdminUnit.Level level = level(line, f[0]);
            String newCode = code(line, f[1], "newCode");
            String oldCode = code(line, f[2], "oldCode");
            UnitMapping.Kind kind = switch (f[4]) {
                case "full" -> UnitMapping.Kind.FULL;
                case "partial" -> UnitMapping.Kind.PARTIAL;
                default -> throw line.error("kind must be full or partial, found '" + f[4] + "'");
            };
            AdminUnit newUnit = next.tree.find(newCode).orElseThrow(() -> line.error(
                    "newCode " + newCode + " is not a unit of edition " + next.info.id() + " (" + next.info.file() + ")"));
            AdminUnit oldUnit = prev.tree.find(oldCode).orElseThrow(() -> line.error(
                    "oldCode " + oldCode + " is not a unit of edition " + prev.info.id() + " (" + prev.info.file() + ")"));
            if (newUnit.level() != level) {
                throw line.error("a " + level + " row maps to a " + level + ", but " + newCode + " is a " + newUnit.level()
                        + " in edition " + next.info.id());
            }
            boolean leafDistrict = level == AdminUnit.Level.COMMUNE && oldUnit.level() == AdminUnit.Level.DISTRICT
                    && prev.tree.children(oldCode).isEmpty();
            if (oldUnit.level() != level && !leafDistrict) {
                throw line.error("a " + level + " row maps from a " + level
                        + (level == AdminUnit.Level.COMMUNE ? " (or a district without communes)" : "") + ", but " + oldCode
                        + " is a " + oldUnit.level() + " in edition " + prev.info.id());
            }
            Integer first = pairs.putIfAbsent(newCode + "<" + oldCode, line.number);
            if (first != null) {
                throw line.error("the row " + newCode + " <- " + oldCode + " repeats line " + first);
            }
            Row row = new Row(line.number, level, newCode, oldCode, kind);
            List<Row> ofOld = byOld.computeIfAbsent(oldCode, k -> new ArrayList<>());
            for (Row other : ofOld) {
                if (other.kind == UnitMapping.Kind.FULL || kind == UnitMapping.Kind.FULL) {
                    throw line.error(oldCode + " is mapped to " + other.newCode + " at line " + other.line + " and to "
                            + newCode + " here, while one of the rows says it went there in full");
                }
            }
            ofOld.add(row);
            byNew.computeIfAbsent(newCode, k -> new ArrayList<>()).add(row);
            rows.add(row);
        }
        requireRows(prev, byOld.keySet(), "old", file);
        requireRows(next, byNew.keySet(), "new", file);

        Map<String, List<UnitMapping>> successors = new HashMap<>();
        for (AdminUnit u : prev.tree.all()) {
            successors(u.code(), prev, next, byOld, successors);
        }
        Map<String, List<UnitMapping>> predecessors = new HashMap<>();
        for (AdminUnit u : next.tree.all()) {
            predecessors(u.code(), prev, next, byNew, successors, predecessors);
        }
        prev.successors = successors;
        next.predecessors = predecessors;

        for (Row row : rows) {
            if (row.level == AdminUnit.Level.PROVINCE) {
                continue;
            }
            AdminUnit oldProvince = top(prev.tree, row.oldCode);
            AdminUnit newProvince = top(next.tree, row.newCode);
            boolean named = successors.get(oldProvince.code()).stream().anyMatch(m -> m.code().equals(newProvince.code()));
            if (!named) {
                warnings.add(file + " line " + row.line + ": " + row.oldCode + " (" + prev.tree.find(row.oldCode).orElseThrow().name()
                        + ") of province " + oldProvince.code() + " goes into " + row.newCode + " of province "
                        + newProvince.code() + ", a province no PROVINCE row maps " + oldProvince.code() + " to");
            }
        }
    }

    /** Every province and every lowest unit (below province level, without children) must be named by a row. */
    private static void requireRows(Edition edition, Set<String> named, String side, String mergesFile) {
        for (AdminUnit u : edition.tree.all()) {
            boolean mustBeNamed = u.level() == AdminUnit.Level.PROVINCE || edition.tree.children(u.code()).isEmpty();
            if (mustBeNamed && !named.contains(u.code())) {
                throw new AdminUnitDataException(edition.info.file(), edition.lines.get(u.code()), u.level() + " " + u.code()
                        + " (" + u.name() + ") is the " + side + " unit of no row of " + mergesFile);
            }
        }
    }

    private static List<UnitMapping> successors(String code, Edition prev, Edition next, Map<String, List<Row>> byOld,
                                                Map<String, List<UnitMapping>> memo) {
        List<UnitMapping> known = memo.get(code);
        if (known != null) {
            return known;
        }
        Map<String, UnitMapping.Kind> out = new TreeMap<>();
        List<Row> rows = byOld.get(code);
        if (rows != null) {
            rows.forEach(r -> out.put(r.newCode, r.kind));
        } else {
            String single = null;
            boolean allWhollyIntoOne = true;
            for (AdminUnit child : prev.tree.children(code)) {
                List<UnitMapping> of = successors(child.code(), prev, next, byOld, memo);
                of.forEach(m -> out.put(m.code(), UnitMapping.Kind.PARTIAL));
                if (of.size() != 1 || !of.get(0).full() || (single != null && !single.equals(of.get(0).code()))) {
                    allWhollyIntoOne = false;
                } else {
                    single = of.get(0).code();
                }
            }
            if (allWhollyIntoOne && single != null) {
                out.put(single, UnitMapping.Kind.FULL);
            }
        }
        List<UnitMapping> result = mappings(next, out);
        memo.put(code, result);
        return result;
    }

    private static List<UnitMapping> predecessors(String code, Edition prev, Edition next, Map<String, List<Row>> byNew,
                                                  Map<String, List<UnitMapping>> successors,
                                                  Map<String, List<UnitMapping>> memo) {
        List<UnitMapping> known = memo.get(code);
        if (known != null) {
            return known;
        }
        Map<String, UnitMapping.Kind> out = new TreeMap<>();
        List<Row> rows = byNew.get(code);
        if (rows != null) {
            rows.forEach(r -> out.put(r.oldCode, r.kind));
        } else {
            for (AdminUnit child : next.tree.children(code)) {
                for (UnitMapping m : predecessors(child.code(), prev, next, byNew, successors, memo)) {
                    boolean whollyWithin = successors.get(m.code()).stream().allMatch(s -> next.tree.isWithin(s.code(), code));
                    out.put(m.code(), whollyWithin ? UnitMapping.Kind.FULL : UnitMapping.Kind.PARTIAL);
                }
            }
        }
        List<UnitMapping> result = mappings(prev, out);
        memo.put(code, result);
        return result;
    }

    private static List<UnitMapping> mappings(Edition in, Map<String, UnitMapping.Kind> kinds) {
        List<UnitMapping> out = new ArrayList<>(kinds.size());
        kinds.forEach((c, k) -> out.add(new UnitMapping(in.unit(c), k)));
        return List.copyOf(out);
    }

    private static Map<String, List<PopulationCount>> readPopulations(Opener opener, Map<String, Edition> editions) {
        Map<String, List<PopulationCount>> out = new HashMap<>();
        if (!exists(opener, POPULATIONS)) {
            return out;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Line line : read(opener, POPULATIONS, POPULATIONS_HEADER, false)) {
            String[] f = line.fields(5);
            Edition edition = editions.get(f[0]);
            if (edition == null) {
                throw line.error("edition '" + f[0] + "' is not in the manifest");
            }
            String code = code(line, f[1], "code");
            if (edition.tree.find(code).isEmpty()) {
                throw line.error(code + " is not a unit of edition " + edition.info.id());
            }
            long count;
            int year;
            try {
                count = Long.parseLong(f[2]);
                year = Integer.parseInt(f[3]);
            } catch (NumberFormatException e) {
                throw line.error("count and year must be whole numbers");
            }
            if (count < 0 || f[3].length() != 4) {
                throw line.error("count must be 0 or more and year four digits");
            }
            Integer first = seen.putIfAbsent(f[0] + "/" + code + "/" + year, line.number);
            if (first != null) {
                throw line.error("the count of " + code + " for " + year + " repeats line " + first);
            }
            out.computeIfAbsent(key(f[0], code), k -> new ArrayList<>())
                    .add(new PopulationCount(f[0], code, count, year, f[4].isEmpty() ? null : f[4]));
        }
        out.replaceAll((k, v) -> v.stream().sorted(Comparator.comparingInt(PopulationCount::year)).toList());
        return out;
    }

    private static boolean exists(Opener opener, String name) {
        try (InputStream in = opener.open(name)) {
            return in != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String edition, String code) {
        return edition + "/" + code;
    }

    private static String code(Line line, String value, String column) {
        if (!isCode(value)) {
            throw line.error(column + " '" + value + "' is not a code of 2 to 5 digits");
        }
        return value;
    }

    /** 2 to 5 ASCII digits, as {@link AdminUnitCode} (without a regular expression: this runs for every line). */
    private static boolean isCode(String value) {
        int n = value.length();
        if (n < 2 || n > 5) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static AdminUnit.Level level(Line line, String value) {
        try {
            return AdminUnit.Level.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw line.error("level '" + value + "' is not PROVINCE, DISTRICT or COMMUNE");
        }
    }

    /** The data lines of a file (comments and blank lines skipped, header checked). */
    private static List<Line> read(Opener opener, String file, String header, boolean manifest) {
        List<Line> out = new ArrayList<>();
        try (InputStream in = opener.open(file)) {
            if (in == null) {
                throw new AdminUnitDataException(file, 0, manifest ? "the manifest is missing" : "the file is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String text;
            int number = 0;
            boolean headerSeen = false;
            while ((text = reader.readLine()) != null) {
                number++;
                if (number == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    if (!text.strip().equals(header)) {
                        throw new AdminUnitDataException(file, number, "expected the header '" + header + "', found '" + text + "'");
                    }
                    headerSeen = true;
                    continue;
                }
                out.add(new Line(file, number, text));
            }
            if (!headerSeen) {
                throw new AdminUnitDataException(file, 0, "no header '" + header + "'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private record Line(String file, int number, String text) {

        String[] fields(int columns) {
            String[] f = text.split(",", -1);
            if (f.length != columns) {
                throw error("expected " + columns + " columns, found " + f.length);
            }
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].strip();
            }
            return f;
        }

        AdminUnitDataException error(String problem) {
            return new AdminUnitDataException(file, number, problem);
        }
    }

    private record Row(int line, AdminUnit.Level level, String newCode, String oldCode, UnitMapping.Kind kind) {
    }

    /** One loaded edition; its mappings to the neighbouring editions are set once while loading. */
    private static final class Edition {
        final int index;
        final AdminUnitEdition info;
        final AdminUnits tree;
        final Map<String, Integer> lines;
        final Map<String, EditionUnit> units = new HashMap<>();
        Map<String, List<UnitMapping>> successors = Map.of();
        Map<String, List<UnitMapping>> predecessors = Map.of();

        Edition(int index, AdminUnitEdition info, AdminUnits tree, Map<String, Integer> lines) {
            this.index = index;
            this.info = info;
            this.tree = tree;
            this.lines = lines;
            for (AdminUnit u : tree.all()) {
                units.put(u.code(), new EditionUnit(info.id(), u));
            }
        }

        EditionUnit unit(String code) {
            return units.get(code);
        }
    }

    // ---------------------------------------------------------------------------------------------------- editions

    /** The editions, oldest first, each with its validity [from, to). */
    public List<AdminUnitEdition> editions() {
        return editions.stream().map(e -> e.info).toList();
    }

    public Optional<AdminUnitEdition> edition(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id)).map(e -> e.info);
    }

    /** The edition in force on {@code date}; the first edition also covers every date before it. */
    public AdminUnitEdition editionOn(LocalDate date) {
        return on(date).info;
    }

    /** The newest edition. */
    public AdminUnitEdition latest() {
        return editions.get(editions.size() - 1).info;
    }

    /** Problems found in the data that do not stop it loading (rows contradicting one another), file and line first. */
    public List<String> warnings() {
        return warnings;
    }

    // ------------------------------------------------------------------------------------------------------- trees

    /** The tree of an edition: subtree, children, ancestry, isWithin by code, all within that edition. */
    public AdminUnits tree(String edition) {
        return edition(edition, "edition").tree;
    }

    /** The tree of the edition in force on {@code date}. */
    public AdminUnits treeOn(LocalDate date) {
        return on(date).tree;
    }

    // ------------------------------------------------------------------------------------------------------- units

    /** The unit (edition, code). */
    public Optional<EditionUnit> find(String edition, String code) {
        Edition e = edition == null ? null : byId.get(edition);
        return Optional.ofNullable(e == null || code == null ? null : e.unit(code));
    }

    /** The unit with {@code code} in the edition in force on {@code date}. */
    public Optional<EditionUnit> findOn(LocalDate date, String code) {
        return Optional.ofNullable(code == null ? null : on(date).unit(code));
    }

    /** Every unit, of any edition, that has {@code code}, oldest edition first. */
    public List<EditionUnit> withCode(String code) {
        List<EditionUnit> out = new ArrayList<>();
        for (Edition e : editions) {
            EditionUnit u = code == null ? null : e.unit(code);
            if (u != null) {
                out.add(u);
            }
        }
        return out;
    }

    /** The province a unit is in, in its own edition (the unit itself for a province). */
    public EditionUnit provinceOf(EditionUnit unit) {
        Edition e = edition(unit.edition(), "edition");
        return e.unit(top(e.tree, unit.code()).code());
    }

    /** The unit and its ancestors in its own edition, up to its province. */
    public List<EditionUnit> ancestry(EditionUnit unit) {
        Edition e = edition(unit.edition(), "edition");
        return e.tree.ancestry(unit.code()).stream().map(u -> e.unit(u.code())).toList();
    }

    /** Seed populations of the unit, oldest year first. */
    public List<PopulationCount> populations(String edition, String code) {
        return populations.getOrDefault(key(edition, code), List.of());
    }

    /** The most recent seed population of the unit. */
    public Optional<PopulationCount> population(String edition, String code) {
        List<PopulationCount> all = populations(edition, code);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    // ---------------------------------------------------------------------------------------------------- mappings

    /** Where the unit (edition, code) went in the next edition; empty for a unit of the latest edition. */
    public List<UnitMapping> successors(String edition, String code) {
        Edition e = edition(edition, "edition");
        unit(e, code);
        return e.successors.getOrDefault(code, List.of());
    }

    /** What the unit (edition, code) was made of in the previous edition; empty for a unit of the first edition. */
    public List<UnitMapping> predecessors(String edition, String code) {
        Edition e = edition(edition, "edition");
        unit(e, code);
        return e.predecessors.getOrDefault(code, List.of());
    }

    /**
     * Where the unit (edition, code) went in {@code target}, a later (or the same) edition, through every edition
     * between: FULL when some chain of FULL steps leads there.
     */
    public List<UnitMapping> successorsIn(String edition, String code, String target) {
        Edition from = edition(edition, "edition");
        Edition to = edition(target, "target");
        if (to.index < from.index) {
            throw new IllegalArgumentException("edition " + target + " is older than " + edition + ": ask predecessorsIn");
        }
        return across(from, unit(from, code), to, +1);
    }

    /**
     * What the unit (edition, code) was made of in {@code target}, an earlier (or the same) edition, through every
     * edition between: FULL when some chain of FULL steps (each: the older unit lies wholly in the newer) leads there.
     */
    public List<UnitMapping> predecessorsIn(String edition, String code, String target) {
        Edition from = edition(edition, "edition");
        Edition to = edition(target, "target");
        if (to.index > from.index) {
            throw new IllegalArgumentException("edition " + target + " is newer than " + edition + ": ask successorsIn");
        }
        return across(from, unit(from, code), to, -1);
    }

    private List<UnitMapping> across(Edition from, EditionUnit unit, Edition to, int direction) {
        Map<String, UnitMapping.Kind> reached = Map.of(unit.code(), UnitMapping.Kind.FULL);
        for (int i = from.index; i != to.index; i += direction) {
            Edition step = editions.get(i);
            Map<String, UnitMapping.Kind> next = new TreeMap<>();
            for (Map.Entry<String, UnitMapping.Kind> r : reached.entrySet()) {
                Map<String, List<UnitMapping>> links = direction > 0 ? step.successors : step.predecessors;
                for (UnitMapping m : links.getOrDefault(r.getKey(), List.of())) {
                    boolean full = r.getValue() == UnitMapping.Kind.FULL && m.full();
                    next.merge(m.code(), full ? UnitMapping.Kind.FULL : UnitMapping.Kind.PARTIAL,
                            (a, b) -> a == UnitMapping.Kind.FULL ? a : b);
                }
            }
            reached = next;
        }
        return mappings(to, reached);
    }

    // ----------------------------------------------------------------------------------------------------- resolve

    /** {@link #resolve(String, LocalDate)} for a typed code; null gives UNKNOWN. */
    public Resolution resolve(AdminUnitCode code, LocalDate date) {
        return resolve(code == null ? null : code.value(), date);
    }

    /**
     * How a venue registered on {@code date} with unit {@code code} is placed:
     * <ul>
     * <li>IN_FORCE: the code is a unit of the edition in force that day; it is taken as it is, even when an older
     * edition had another unit with that code (00004 on 2026-12-04 is Phường Ba Đình, not the old Phường Trúc Bạch);</li>
     * <li>MAPPED: the code is not in force that day but is a unit of an earlier edition (the latest one that has it):
     * {@code original} is that unit, {@code candidates} its successors in the edition in force, {@code province} the
     * province in force they all lie in (when they lie in one), {@code unit} the single candidate when the mapping
     * decides it (one FULL successor, e.g. an old commune merged whole into one new commune); otherwise the unit is not
     * decided and the explanation says plainly what must be chosen: never guess;</li>
     * <li>UNKNOWN: no unit of the edition in force or of an earlier one has the code (a code only a later edition has
     * is UNKNOWN on an earlier date, and the explanation says from when it exists): the caller refuses it, naming the
     * field.</li>
     * </ul>
     */
    public Resolution resolve(String code, LocalDate date) {
        Objects.requireNonNull(date, "date");
        Edition now = on(date);
        EditionUnit named = unitNamed(code, date).orElse(null);
        EditionUnit inForce = named != null && named.edition().equals(now.info.id()) ? named : null;
        if (inForce != null) {
            EditionUnit province = provinceOf(inForce);
            return new Resolution(Resolution.Status.IN_FORCE, code, date, now.info, Optional.of(inForce),
                    Optional.of(province), Optional.of(inForce), List.of(),
                    describe(inForce) + " is a unit of the list in force on " + date + " (edition " + now.info.id() + ").");
        }
        EditionUnit original = named;
        if (original == null) {
            String later = code == null ? "" : editions.stream().filter(e -> e.index > now.index && e.unit(code) != null)
                    .findFirst().map(e -> ": it is a unit only from " + e.info.from() + " (edition " + e.info.id() + ")")
                    .orElse("");
            return new Resolution(Resolution.Status.UNKNOWN, code, date, now.info, Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(), "No administrative unit has code " + code + " on " + date + later + ".");
        }
        return mapped(original, code, date, now);
    }

    /**
     * Where the unit (edition, code) stands on {@code date}, in the edition in force that day: IN_FORCE when it is a
     * unit of that edition; MAPPED when it is a unit of an earlier edition, placed exactly as {@link #resolve(String,
     * LocalDate)} places a code only an earlier edition has (candidates, province and unit when decided, explanation).
     * This is how a code given on one day is read on a later one: {@code place(resolve(code, givenOn).original(),
     * today)}, which stays right when the code has since been given to another unit (10507 given in May 2025 is the old
     * Phường Cẩm Thượng even though 10507 is Phường Thành Đông since 2025-07-01).
     *
     * @throws IllegalArgumentException when the unit is not a unit of the registry, or of an edition later than the one
     *                                  in force on {@code date}
     */
    public Resolution place(EditionUnit unit, LocalDate date) {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(date, "date");
        Edition of = edition(unit.edition(), "edition");
        EditionUnit known = unit(of, unit.code());
        Edition now = on(date);
        if (of.index > now.index) {
            throw new IllegalArgumentException(known + " is of an edition later than the one in force on " + date
                    + " (" + now.info.id() + ")");
        }
        if (of == now) {
            return new Resolution(Resolution.Status.IN_FORCE, known.code(), date, now.info, Optional.of(known),
                    Optional.of(provinceOf(known)), Optional.of(known), List.of(),
                    describe(known) + " is a unit of the list in force on " + date + " (edition " + now.info.id() + ").");
        }
        return mapped(known, known.code(), date, now);
    }

    /** A unit of an earlier edition than {@code now}, placed in {@code now}: see {@link #resolve(String, LocalDate)}. */
    private Resolution mapped(EditionUnit original, String code, LocalDate date, Edition now) {
        List<UnitMapping> candidates = across(byId.get(original.edition()), original, now, +1);
        Map<String, EditionUnit> provinces = new TreeMap<>();
        candidates.forEach(c -> provinces.putIfAbsent(provinceOf(c.unit()).code(), provinceOf(c.unit())));
        Optional<EditionUnit> province = provinces.size() == 1 ? Optional.of(provinces.values().iterator().next()) : Optional.empty();
        Optional<EditionUnit> unit = candidates.size() == 1 && candidates.get(0).full()
                ? Optional.of(candidates.get(0).unit()) : Optional.empty();
        String was = describe(original) + " of the " + original.edition() + " list";
        String since = "in the list in force since " + now.info.from();
        String explanation;
        if (unit.isPresent()) {
            EditionUnit u = unit.get();
            explanation = was + " lies wholly in " + describe(u)
                    + (u.level() == AdminUnit.Level.PROVINCE ? "" : ", " + describe(province.orElseThrow())) + ", " + since + ".";
        } else if (candidates.isEmpty()) {
            explanation = was + " has no known successor in the list in force on " + date + ": the unit must be chosen.";
        } else {
            String level = levelName(candidates);
            String where = province.map(p -> " of " + describe(p)).orElseGet(() -> " in " + provinces.size()
                    + " provinces (" + provinces.values().stream().map(AdminUnitRegistry::describe).collect(Collectors.joining(", ")) + ")");
            explanation = was + " is, " + since + ", spread over " + candidates.size() + " " + level + "s" + where
                    + ": the " + (province.isPresent() ? "" : "province and the ") + level + " must be chosen among them.";
        }
        return new Resolution(Resolution.Status.MAPPED, code, date, now.info, Optional.of(original), province, unit,
                candidates, explanation);
    }

    private static String levelName(List<UnitMapping> candidates) {
        Set<AdminUnit.Level> levels = candidates.stream().map(c -> c.unit().level()).collect(Collectors.toSet());
        return levels.size() == 1 ? levels.iterator().next().name().toLowerCase(java.util.Locale.ROOT) : "unit";
    }

    private static String describe(EditionUnit u) {
        return u.name() + " (" + u.code() + ")";
    }

    /**
     * The smallest unit of {@code edition} that holds the whole of {@code unit} (of any edition): the unit itself in its
     * own edition; else the one unit it went into, or was carved out of, there; else the lowest unit of {@code edition}
     * that contains every unit it maps onto (district 288 of 2025-03-01, spread over nine communes of 2025-07-01, is held
     * by province 31; new commune 10507 of 2025-07-01, made of several communes of old district 288, is held by 288 in
     * 2025-03-01). A unit that went only partly into a single unit of a later edition is held by that unit's parent:
     * where the rest of it went is not known. Empty when what it maps onto lies in more than one province, or when it
     * maps onto nothing. How a daily report in one edition places a venue registered under a unit of another: below the
     * holder when it is a lowest unit, else in the holder's "not placed" row, never guessed into one of its children.
     */
    public Optional<EditionUnit> holderIn(EditionUnit unit, String edition) {
        Edition from = edition(unit.edition(), "unit's edition");
        Edition to = edition(edition, "edition");
        EditionUnit known = unit(from, unit.code());
        if (from == to) {
            return Optional.of(known);
        }
        List<UnitMapping> there = across(from, known, to, to.index > from.index ? +1 : -1);
        if (there.isEmpty()) {
            return Optional.empty();
        }
        if (there.size() == 1) {
            UnitMapping only = there.get(0);
            if (only.full() || to.index < from.index) {
                return Optional.of(only.unit());
            }
            String parent = only.unit().parentCode();
            return Optional.ofNullable(parent == null ? null : to.unit(parent));
        }
        List<AdminUnit> common = null;
        for (UnitMapping m : there) {
            List<AdminUnit> ancestry = to.tree.ancestry(m.code());
            if (common == null) {
                common = new ArrayList<>(ancestry);
            } else {
                common.retainAll(ancestry);
            }
        }
        return common.isEmpty() ? Optional.empty() : Optional.of(to.unit(common.get(0).code()));
    }

    /** The days [{@code from}, {@code until}) on which a code names one unit; null means unbounded on that side. */
    public record NamedDays(LocalDate from, LocalDate until) {
    }

    /**
     * The days on which {@code unit}'s code names {@code unit} (what {@link #unitNamed} answers for a code given on
     * such a day): from its edition's first day (since ever for the first edition) until the first day of the next
     * edition that has the code again (open when none does). Stored rows keep a code and the day it was given; a
     * code given on one of these days stands for this unit.
     */
    public NamedDays namedDays(EditionUnit unit) {
        Edition of = edition(unit.edition(), "unit's edition");
        unit(of, unit.code());
        LocalDate until = null;
        for (int i = of.index + 1; i < editions.size() && until == null; i++) {
            if (editions.get(i).unit(unit.code()) != null) {
                until = editions.get(i).info.from();
            }
        }
        return new NamedDays(of.index == 0 ? null : of.info.from(), until);
    }

    /**
     * The unit and its ancestors by name as its own edition names them, e.g. "Phường Bình Hàn, Thành phố Hải Dương, Tỉnh
     * Hải Dương": how a place given under that unit is written (a poster, a public exposure site).
     */
    public String placeName(EditionUnit unit) {
        return ancestry(unit).stream().map(EditionUnit::name).collect(Collectors.joining(", "));
    }

    /**
     * What a unit no longer in force on {@code today} is that day, as far as the mergers decide it, written after
     * {@link #placeName}: "(nay: Phường Thành Đông, Thành phố Hải Phòng)" (the commune when decided, and the province);
     * the province alone is left out when it has the old one's name. Null when there is nothing to add: the unit is in
     * force, or its land went into several provinces.
     */
    public String placeNameToday(EditionUnit unit, LocalDate today) {
        Resolution r = place(unit, today);
        if (r.status() != Resolution.Status.MAPPED) {
            return null;
        }
        List<String> now = new ArrayList<>();
        r.unit().filter(u -> u.level() != AdminUnit.Level.PROVINCE).ifPresent(u -> now.add(u.name()));
        List<EditionUnit> ancestry = ancestry(unit);
        r.province().filter(p -> !now.isEmpty() || !p.name().equals(ancestry.get(ancestry.size() - 1).name()))
                .ifPresent(p -> now.add(p.name()));
        return now.isEmpty() ? null : "(nay: " + String.join(", ", now) + ")";
    }

    // ------------------------------------------------------------------------------------------------ jurisdiction

    /**
     * The unit an officer's jurisdiction code names on {@code onDate}: the unit of the edition in force that day when it
     * has the code, else the unit of the latest earlier edition that has it (a token issued before a reorganisation
     * keeps meaning what it meant); empty when neither has it.
     */
    public Optional<EditionUnit> jurisdictionUnit(String jurisdictionCode, LocalDate onDate) {
        return unitNamed(jurisdictionCode, onDate);
    }

    /**
     * The unit a code names on {@code date}: the unit of the edition in force that day when it has the code, else the
     * unit of the latest earlier edition that has it; empty when neither has it. What {@link #resolve} calls the
     * original unit, without working out its candidates: the cheap question for a code read again and again (an
     * officer's jurisdiction, a venue's unit on every access check).
     */
    public Optional<EditionUnit> unitNamed(String code, LocalDate date) {
        if (code == null) {
            return Optional.empty();
        }
        for (int i = on(Objects.requireNonNull(date, "date")).index; i >= 0; i--) {
            EditionUnit u = editions.get(i).unit(code);
            if (u != null) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an officer whose jurisdiction code is {@code jurisdictionCode} covers, on {@code onDate}, the unit
     * ({@code unitEdition}, {@code unitCode}) (a venue's unit, as stored with its edition). The jurisdiction code is
     * read by {@link #jurisdictionUnit(String, LocalDate)}; then {@link #covers(EditionUnit, EditionUnit)}. False when
     * either is unknown.
     */
    public boolean covers(String jurisdictionCode, String unitEdition, String unitCode, LocalDate onDate) {
        Optional<EditionUnit> unit = find(unitEdition, unitCode);
        return unit.isPresent() && jurisdictionUnit(jurisdictionCode, Objects.requireNonNull(onDate, "onDate"))
                .map(j -> covers(j, unit.get())).orElse(false);
    }

    /**
     * Whether the jurisdiction unit {@code jurisdiction} covers {@code unit}, whichever their editions:
     * <ul>
     * <li>same edition: the unit lies within the jurisdiction's subtree;</li>
     * <li>the unit is of an OLDER edition: every one of its successors in the jurisdiction's edition lies within the
     * jurisdiction (an officer of new province 31 Hải Phòng covers old province 30 Hải Dương, every district and commune
     * of it, and old 31's);</li>
     * <li>the unit is of a NEWER edition: every one of its predecessors in the jurisdiction's edition lies within the
     * jurisdiction (an officer whose token still says 30 covers the new communes made wholly of Hải Dương's communes,
     * not a new commune that also took land from another old province).</li>
     * </ul>
     * The reason: an officer sees what lay, and only what lay, within their unit; a partial mapping must never widen
     * that view. A unit of which only part lies in the jurisdiction (in either direction) is therefore not covered; the
     * officer of the unit that holds all of it (the new province, typically) covers it. A unit with no mapping at all is
     * not covered.
     */
    public boolean covers(EditionUnit jurisdiction, EditionUnit unit) {
        Edition je = edition(jurisdiction.edition(), "jurisdiction's edition");
        Edition ue = edition(unit.edition(), "unit's edition");
        unit(je, jurisdiction.code());
        unit(ue, unit.code());
        if (je == ue) {
            return je.tree.isWithin(unit.code(), jurisdiction.code());
        }
        List<UnitMapping> there = ue.index < je.index
                ? across(ue, unit, je, +1)
                : across(ue, unit, je, -1);
        return !there.isEmpty() && there.stream().allMatch(m -> je.tree.isWithin(m.code(), jurisdiction.code()));
    }

    /**
     * Every unit of {@code edition} that {@code jurisdiction} {@link #covers(EditionUnit, EditionUnit) covers}, in
     * code order: in the jurisdiction's own edition its subtree; in another edition the units whose mapping onto the
     * jurisdiction's edition lies wholly within it (what a venue list or an officer's view selects by a unit of another
     * edition). Exactly the units {@code covers} accepts, found from the jurisdiction's subtree and the units it maps
     * onto (and their ancestors) instead of by trying every unit of the edition.
     */
    public List<EditionUnit> coveredIn(EditionUnit jurisdiction, String edition) {
        Edition je = edition(jurisdiction.edition(), "jurisdiction's edition");
        Edition target = edition(edition, "edition");
        unit(je, jurisdiction.code());
        Set<String> subtree = je.tree.subtree(jurisdiction.code());
        if (target == je) {
            return subtree.stream().sorted().map(target::unit).toList();
        }
        Set<String> candidates = new java.util.TreeSet<>();
        for (String code : subtree) {
            for (UnitMapping m : across(je, je.unit(code), target, target.index > je.index ? +1 : -1)) {
                target.tree.ancestry(m.code()).forEach(a -> candidates.add(a.code()));
            }
        }
        List<EditionUnit> out = new ArrayList<>();
        for (String code : candidates) {
            EditionUnit u = target.unit(code);
            if (covers(jurisdiction, u)) {
                out.add(u);
            }
        }
        return out;
    }

    /**
     * Every code, of any edition, of a unit that the jurisdiction unit covers ({@link #coveredIn} over every edition):
     * for narrowing a stored list by code before checking each row exactly (a code names different units in different
     * editions, so a row's code in this set is covered only when the unit it stands for is). Cached.
     */
    public Set<String> codesCovered(EditionUnit jurisdiction) {
        String key = jurisdiction.edition() + "/" + jurisdiction.code();
        Set<String> cached = covered.get(key);
        if (cached != null) {
            return cached;
        }
        Set<String> out = new java.util.TreeSet<>();
        for (Edition e : editions) {
            coveredIn(jurisdiction, e.info.id()).forEach(u -> out.add(u.code()));
        }
        Set<String> result = Set.copyOf(out);
        if (covered.size() > 2_000) {
            covered.clear();
        }
        covered.put(key, result);
        return result;
    }

    // ----------------------------------------------------------------------------------------------------- helpers

    private final Map<String, Set<String>> covered = new java.util.concurrent.ConcurrentHashMap<>();

    private Edition on(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return byStart.floorEntry(date).getValue();
    }

    private Edition edition(String id, String what) {
        Edition e = id == null ? null : byId.get(id);
        if (e == null) {
            throw new IllegalArgumentException(what + " '" + id + "' is not an edition of the registry");
        }
        return e;
    }

    private static EditionUnit unit(Edition edition, String code) {
        EditionUnit u = code == null ? null : edition.unit(code);
        if (u == null) {
            throw new IllegalArgumentException("no unit " + code + " in edition " + edition.info.id());
        }
        return u;
    }

    private static AdminUnit top(AdminUnits tree, String code) {
        List<AdminUnit> ancestry = tree.ancestry(code);
        return ancestry.get(ancestry.size() - 1);
    }

    @Override
    public String toString() {
        return "AdminUnitRegistry" + editions();
    }
}
