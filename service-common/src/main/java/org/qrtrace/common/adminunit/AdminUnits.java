package org.qrtrace.common.adminunit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tree of one edition of the official list of administrative units ({@link AdminUnitRegistry#tree(String)}): within
 * an edition a code is unique, every unit but a province has its parent one level up.
 */
public final class AdminUnits {

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

    /**
     * The tree of units the caller has already checked (parents exist and sit one level up in the edition): how
     * {@link AdminUnitRegistry} builds the tree of each edition of the official list.
     */
    static AdminUnits of(Map<String, AdminUnit> byCode, String dataVersion) {
        return new AdminUnits(new LinkedHashMap<>(byCode), dataVersion);
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
