package org.qrtrace.common.adminunit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The administrative-unit tree, loaded from the versioned data file {@code admin-units/vn-admin-units.csv}
 * (columns {@code code,name,level,parentCode,population}; lines starting with {@code #} are comments, a
 * {@code # data-version:} comment names the version). The file is checked on load: unique codes, known levels,
 * parents that exist and sit one level up.
 */
public final class AdminUnits {

    public static final String RESOURCE = "/admin-units/vn-admin-units.csv";
    private static volatile AdminUnits bundled;

    private final Map<String, AdminUnit> byCode;
    private final Map<String, List<AdminUnit>> children;
    private final String dataVersion;

    private AdminUnits(Map<String, AdminUnit> byCode, String dataVersion) {
        this.byCode = Collections.unmodifiableMap(byCode);
        this.dataVersion = dataVersion;
        Map<String, List<AdminUnit>> kids = new LinkedHashMap<>();
        for (AdminUnit u : byCode.values()) {
            if (u.parentCode() != null) {
                kids.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u);
            }
        }
        this.children = kids;
    }

    /** The tree shipped with this build. */
    public static AdminUnits bundled() {
        if (bundled == null) {
            synchronized (AdminUnits.class) {
                if (bundled == null) {
                    try (InputStream in = AdminUnits.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException(RESOURCE + " missing from the class path");
                        }
                        bundled = parse(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return bundled;
    }

    /**
     * The tree of units the caller has already checked (parents exist and sit one level up in the edition): how
     * {@link AdminUnitRegistry} builds the tree of each edition of the official list.
     */
    static AdminUnits of(Map<String, AdminUnit> byCode, String dataVersion) {
        return new AdminUnits(new LinkedHashMap<>(byCode), dataVersion);
    }

    public static AdminUnits parse(InputStream csv) throws IOException {
        Map<String, AdminUnit> units = new LinkedHashMap<>();
        String version = "unversioned";
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        boolean header = true;
        while ((line = reader.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (line.startsWith("# data-version:")) {
                    version = line.substring("# data-version:".length()).strip();
                }
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException("line " + number + ": expected 5 columns, found " + f.length);
            }
            String code = f[0].strip();
            if (!code.matches("[0-9]{2,5}")) {
                throw new IllegalArgumentException("line " + number + ": code must be 2-5 digits");
            }
            AdminUnit.Level level = AdminUnit.Level.valueOf(f[2].strip());
            String parent = f[3].isBlank() ? null : f[3].strip();
            Long population = f[4].isBlank() ? null : Long.parseLong(f[4].strip());
            if (units.put(code, new AdminUnit(code, f[1].strip(), level, parent, population)) != null) {
                throw new IllegalArgumentException("line " + number + ": duplicate code " + code);
            }
        }
        for (AdminUnit u : units.values()) {
            boolean province = u.level() == AdminUnit.Level.PROVINCE;
            if (province != (u.parentCode() == null)) {
                throw new IllegalArgumentException(u.code() + ": only provinces have no parent");
            }
            if (!province) {
                AdminUnit parent = units.get(u.parentCode());
                if (parent == null || parent.level().ordinal() != u.level().ordinal() - 1) {
                    throw new IllegalArgumentException(u.code() + ": parent " + u.parentCode() + " is missing or not one level up");
                }
            }
        }
        return new AdminUnits(units, version);
    }

    public String dataVersion() {
        return dataVersion;
    }

    public Optional<AdminUnit> find(AdminUnitCode code) {
        return find(code == null ? null : code.value());
    }

    public Optional<AdminUnit> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public List<AdminUnit> all() {
        return List.copyOf(byCode.values());
    }

    public List<AdminUnit> children(String code) {
        return List.copyOf(children.getOrDefault(code, List.of()));
    }

    /** The code itself and every unit below it. */
    public Set<String> subtree(String code) {
        Set<String> out = new LinkedHashSet<>();
        if (byCode.containsKey(code)) {
            collect(code, out);
        }
        return out;
    }

    private void collect(String code, Set<String> out) {
        out.add(code);
        for (AdminUnit child : children.getOrDefault(code, List.of())) {
            collect(child.code(), out);
        }
    }

    /** True when {@code code} is {@code ancestor} or lies below it. */
    public boolean isWithin(String code, String ancestor) {
        for (AdminUnit u = byCode.get(code); u != null; u = u.parentCode() == null ? null : byCode.get(u.parentCode())) {
            if (u.code().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** From the unit up to its province: [unit, district, province] (in a two-level edition: [commune, province]). */
    public List<AdminUnit> ancestry(String code) {
        List<AdminUnit> out = new ArrayList<>();
        for (AdminUnit u = byCode.get(code); u != null; u = u.parentCode() == null ? null : byCode.get(u.parentCode())) {
            out.add(u);
        }
        return out;
    }
}
