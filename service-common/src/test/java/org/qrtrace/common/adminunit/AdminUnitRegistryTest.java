package org.qrtrace.common.adminunit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qrtrace.common.adminunit.AdminUnit.Level;
import org.qrtrace.common.adminunit.Resolution.Status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official editions shipped with the build (real codes), and the checks on load with small in-test files. */
class AdminUnitRegistryTest {

    static final String OLD = "2025-03-01";
    static final String NEW = "2025-07-01";
    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    static final LocalDate BEFORE = LocalDate.of(2025, 6, 15);

    final AdminUnitRegistry registry = AdminUnitRegistry.bundled();

    // ------------------------------------------------------------------------------------------ the bundled data

    @Test
    void loadsTheWholeCountryInBothEditions() {
        assertEquals(List.of(OLD, NEW), registry.editions().stream().map(AdminUnitEdition::id).toList());
        assertEquals(Map.of(Level.PROVINCE, 63L, Level.DISTRICT, 696L, Level.COMMUNE, 10_047L), countByLevel(OLD));
        assertEquals(Map.of(Level.PROVINCE, 34L, Level.COMMUNE, 3_321L), countByLevel(NEW));
        assertEquals(63 + 696 + 10_047, registry.tree(OLD).all().size(), "the comment lines and the header are no units");
        assertEquals("01", registry.tree(OLD).all().get(0).code(), "the first unit is the line after the header");
        assertEquals("Thành phố Hà Nội", registry.find(NEW, "01").orElseThrow().name());
        assertSame31("Thành phố Hải Phòng", registry.find(NEW, "31").orElseThrow());
        assertTrue(registry.find(NEW, "30").isEmpty(), "Hải Dương is no province since 2025-07-01");
        assertTrue(registry.find(OLD, "10522").isEmpty(), "the 70-unit file's 10522 is not in the official list");
    }

    private static void assertSame31(String name, EditionUnit unit) {
        assertEquals(name, unit.name());
        assertEquals(NEW, unit.edition());
        assertEquals(Level.PROVINCE, unit.level());
    }

    private Map<Level, Long> countByLevel(String edition) {
        return registry.tree(edition).all().stream()
                .collect(Collectors.groupingBy(AdminUnit::level, () -> new EnumMap<>(Level.class), Collectors.counting()));
    }

    @Test
    void loadingTheWholeCountryIsQuick() {
        for (int i = 1; i <= 3; i++) {
            long start = System.nanoTime();
            AdminUnitRegistry fresh = AdminUnitRegistry.load("editions.csv",
                    name -> AdminUnitRegistry.class.getResourceAsStream("/admin-units/" + name));
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("AdminUnitRegistry: loaded %d editions (%d + %d units, %d merge rows) in %d ms (load %d)%n",
                    fresh.editions().size(), fresh.tree(OLD).all().size(), fresh.tree(NEW).all().size(), 10_667, ms, i);
        }
        long start = System.nanoTime();
        int covered = 0;
        for (AdminUnit u : registry.tree(OLD).all()) {
            if (registry.covers("31", OLD, u.code(), TODAY)) {
                covered++;
            }
            registry.resolve(u.code(), TODAY);
        }
        System.out.printf("AdminUnitRegistry: %d covers + %d resolve over every old unit in %d ms (%d covered by 31)%n",
                registry.tree(OLD).all().size(), registry.tree(OLD).all().size(), (System.nanoTime() - start) / 1_000_000, covered);
    }

    @Test
    void theOneInconsistencyOfTheOfficialMergesIsReportedNotHidden() {
        assertEquals(1, registry.warnings().size(), registry.warnings().toString());
        String warning = registry.warnings().get(0);
        assertTrue(warning.startsWith("vn-admin-units-2025-07-01-merges.csv line 9546: 30622"), warning);
        assertEquals("82", registry.resolve("30622", TODAY).province().orElseThrow().code(),
                "resolve follows the commune rows: the province its new commune is in");
    }

    @Test
    void eachEditionIsInForceFromItsDayToTheNextOnesAndTheFirstSinceEver() {
        AdminUnitEdition old = registry.edition(OLD).orElseThrow();
        AdminUnitEdition now = registry.edition(NEW).orElseThrow();
        assertNull(old.from());
        assertEquals(LocalDate.of(2025, 7, 1), old.to());
        assertEquals(LocalDate.of(2025, 7, 1), now.from());
        assertNull(now.to());
        assertEquals("vn-admin-units-2025-07-01-merges.csv", now.mergesFile());
        assertNull(old.mergesFile());
        assertEquals(old, registry.editionOn(LocalDate.of(1990, 1, 1)));
        assertEquals(old, registry.editionOn(LocalDate.of(2025, 6, 30)));
        assertEquals(now, registry.editionOn(LocalDate.of(2025, 7, 1)));
        assertEquals(now, registry.editionOn(TODAY));
        assertTrue(old.inForceOn(LocalDate.of(2000, 1, 1)) && !old.inForceOn(LocalDate.of(2025, 7, 1)));
        assertTrue(now.inForceOn(TODAY) && !now.inForceOn(LocalDate.of(2025, 6, 30)));
        assertEquals(now, registry.latest());
        assertTrue(registry.edition("2024-01-01").isEmpty());
    }

    @Test
    void aUnitIsItsEditionAndCodeNeverItsCodeAlone() {
        assertEquals(List.of("Phường Trúc Bạch", "Phường Ba Đình"),
                registry.withCode("00004").stream().map(EditionUnit::name).toList());
        assertEquals(List.of(OLD, NEW), registry.withCode("01").stream().map(EditionUnit::edition).toList());
        assertEquals(List.of(OLD), registry.withCode("288").stream().map(EditionUnit::edition).toList());
        assertTrue(registry.withCode("99999").isEmpty());
        assertEquals("Phường Trúc Bạch", registry.findOn(BEFORE, "00004").orElseThrow().name());
        assertEquals("Phường Ba Đình", registry.findOn(TODAY, "00004").orElseThrow().name());
        assertTrue(registry.findOn(TODAY, "288").isEmpty());
    }

    @Test
    void eachEditionIsATree() {
        AdminUnits old = registry.tree(OLD);
        assertEquals(12, old.children("30").size(), "Hải Dương had 12 district-level units");
        assertTrue(old.isWithin("10510", "30"));
        assertEquals(List.of("10510", "288", "30"), old.ancestry("10510").stream().map(AdminUnit::code).toList());
        AdminUnits now = registry.treeOn(TODAY);
        assertEquals(List.of("10507", "31"), now.ancestry("10507").stream().map(AdminUnit::code).toList(),
                "two levels since 2025-07-01");
        assertTrue(now.subtree("31").contains("10507"));
        assertFalse(now.isWithin("10507", "30"));
        assertEquals(now.children("31").size() + 1, now.subtree("31").size());
        assertEquals("31", registry.provinceOf(registry.find(NEW, "10507").orElseThrow()).code());
        assertEquals(List.of("10510", "288", "30"),
                registry.ancestry(registry.find(OLD, "10510").orElseThrow()).stream().map(EditionUnit::code).toList());
    }

    @Test
    void seedPopulationsAreTheCensusFiguresOfTheFirstProvinces() {
        PopulationCount haiDuong = registry.population(OLD, "30").orElseThrow();
        assertEquals(1_892_254L, haiDuong.count());
        assertEquals(2019, haiDuong.year());
        assertTrue(haiDuong.source().contains("Census"));
        assertEquals(Map.of("30", 1_892_254L, "74", 2_426_561L, "84", 1_009_168L, "20", 781_655L, "72", 1_169_165L),
                Map.of("30", count("30"), "74", count("74"), "84", count("84"), "20", count("20"), "72", count("72")));
        assertTrue(registry.population(NEW, "31").isEmpty());
    }

    private long count(String province) {
        return registry.population(OLD, province).orElseThrow().count();
    }

    // ----------------------------------------------------------------------------------------------- mappings

    @Test
    void communesMapByTheirRowsProvincesByTheProvinceRows() {
        assertEquals(List.of("2025-07-01/10507 Phường Thành Đông FULL"), strings(registry.successors(OLD, "10510")));
        assertEquals(List.of("10532 PARTIAL", "10537 PARTIAL"), codes(registry.successors(OLD, "10528")),
                "Phường Trần Phú was split");
        assertEquals(List.of("31 FULL"), codes(registry.successors(OLD, "30")));
        assertEquals(List.of("31 FULL"), codes(registry.successors(OLD, "31")));
        assertEquals(List.of("30 FULL", "31 FULL"), codes(registry.predecessors(NEW, "31")));
        assertEquals(List.of("10507 FULL", "10510 FULL", "10519 FULL", "10663 FULL"), codes(registry.predecessors(NEW, "10507")));
        assertEquals(List.of("10528 PARTIAL", "10531 FULL", "10532 FULL", "10534 FULL"), codes(registry.predecessors(NEW, "10532")));
        assertEquals(List.of("21548 FULL"), codes(registry.successors(OLD, "536")), "island district Lý Sơn became a special zone");
        assertEquals(List.of("536 FULL"), codes(registry.predecessors(NEW, "21548")));
        assertTrue(registry.successors(NEW, "31").isEmpty(), "no newer edition");
        assertTrue(registry.predecessors(OLD, "30").isEmpty(), "no older edition");
        assertThrows(IllegalArgumentException.class, () -> registry.successors(NEW, "30"));
    }

    @Test
    void aDistrictMapsOntoItsCommunesSuccessorsFullOnlyWhenAllWentWhollyIntoOne() {
        List<UnitMapping> haiDuongCity = registry.successors(OLD, "288");
        assertEquals(List.of("10507", "10525", "10532", "10537", "10543", "10660", "10837", "10891", "11002"),
                haiDuongCity.stream().map(UnitMapping::code).toList());
        assertTrue(haiDuongCity.stream().noneMatch(UnitMapping::full));
        assertEquals(List.of("07192 FULL"), codes(registry.successors(OLD, "207")), "Cô Tô's three communes all went into 07192");
        assertEquals(List.of("07192 FULL"), codes(registry.successorsIn(OLD, "207", NEW)));
        assertEquals(List.of("288 FULL"), codes(registry.successorsIn(OLD, "288", OLD)));
        assertThrows(IllegalArgumentException.class, () -> registry.successorsIn(NEW, "31", OLD));
        assertEquals(codes(registry.predecessors(NEW, "31")), codes(registry.predecessorsIn(NEW, "31", OLD)));
    }

    @Test
    void everyMappingReadsTheSameBothWays() {
        int rows = 0;
        for (AdminUnit u : registry.tree(OLD).all()) {
            List<UnitMapping> successors = registry.successors(OLD, u.code());
            assertFalse(successors.isEmpty(), u.code());
            if (u.level() == Level.DISTRICT && !registry.tree(OLD).children(u.code()).isEmpty()) {
                continue;
            }
            for (UnitMapping s : successors) {
                UnitMapping back = registry.predecessors(NEW, s.code()).stream()
                        .filter(p -> p.code().equals(u.code())).findFirst().orElseThrow();
                assertEquals(s.kind(), back.kind(), u.code() + " -> " + s.code());
                rows++;
            }
        }
        assertEquals(10_667, rows, "every row of the merges file");
    }

    // ------------------------------------------------------------------------------------------------ resolve

    @Test
    void anAbolishedDistrictMapsOntoItsProvinceAndTheCommuneMustBeChosen() {
        Resolution r = registry.resolve("288", TODAY);
        assertEquals(Status.MAPPED, r.status());
        assertEquals(NEW, r.edition().id());
        assertEquals("2025-03-01/288 Thành phố Hải Dương", r.original().orElseThrow().toString());
        assertEquals("31", r.province().orElseThrow().code());
        assertFalse(r.decided());
        assertEquals(9, r.candidates().size());
        assertTrue(r.candidates().stream().allMatch(c -> c.unit().parentCode().equals("31")));
        assertTrue(r.explanation().contains("the commune must be chosen"), r.explanation());
        System.out.println("resolve(288, " + TODAY + "): " + r.explanation());
    }

    @Test
    void anOldCommuneWhollyMergedIntoOneIsDecidedASplitOneIsNot() {
        Resolution binhHan = registry.resolve("10510", TODAY);
        assertEquals(Status.MAPPED, binhHan.status());
        assertEquals("Phường Bình Hàn", binhHan.original().orElseThrow().name());
        assertEquals("2025-07-01/10507 Phường Thành Đông", binhHan.unit().orElseThrow().toString());
        assertEquals("31", binhHan.province().orElseThrow().code());
        assertTrue(binhHan.explanation().contains("wholly in Phường Thành Đông (10507)"), binhHan.explanation());

        Resolution tranPhu = registry.resolve("10528", TODAY);
        assertEquals(Status.MAPPED, tranPhu.status());
        assertFalse(tranPhu.decided());
        assertEquals(List.of("10532 PARTIAL", "10537 PARTIAL"), codes(tranPhu.candidates()));
        assertEquals("31", tranPhu.province().orElseThrow().code());

        Resolution province = registry.resolve("30", TODAY);
        assertEquals("31", province.unit().orElseThrow().code(), "Hải Dương lies wholly in Hải Phòng");
    }

    @Test
    void aCodeInForceIsTakenAsItIsEvenIfAnOlderEditionHadAnotherUnitWithIt() {
        Resolution today = registry.resolve("10507", TODAY);
        assertEquals(Status.IN_FORCE, today.status());
        assertEquals("Phường Thành Đông", today.unit().orElseThrow().name());
        assertEquals("31", today.province().orElseThrow().code());
        assertTrue(today.candidates().isEmpty());
        Resolution before = registry.resolve(AdminUnitCode.of("10507"), BEFORE);
        assertEquals(Status.IN_FORCE, before.status());
        assertEquals("Phường Cẩm Thượng", before.unit().orElseThrow().name());
        assertEquals("30", before.province().orElseThrow().code());
        assertEquals(Status.IN_FORCE, registry.resolve("288", BEFORE).status());
    }

    @Test
    void aCodeGivenOnOneDayIsPlacedOnALaterDayAsTheUnitItNamedThen() {
        EditionUnit camThuong = registry.resolve("10507", BEFORE).original().orElseThrow();
        Resolution today = registry.place(camThuong, TODAY);
        assertEquals(Status.MAPPED, today.status(), "10507 given in June 2025 is still the old Phường Cẩm Thượng");
        assertEquals("Phường Cẩm Thượng", today.original().orElseThrow().name());
        assertEquals("2025-07-01/10507 Phường Thành Đông", today.unit().orElseThrow().toString());
        assertEquals("31", today.province().orElseThrow().code());
        assertEquals(NEW, today.edition().id());

        EditionUnit thanhDong = registry.find(NEW, "10507").orElseThrow();
        Resolution same = registry.place(thanhDong, TODAY);
        assertEquals(Status.IN_FORCE, same.status());
        assertEquals(thanhDong, same.unit().orElseThrow());
        assertEquals(registry.resolve("288", TODAY), registry.place(registry.find(OLD, "288").orElseThrow(), TODAY),
                "a code only the old edition has is placed the same either way");
        assertThrows(IllegalArgumentException.class, () -> registry.place(thanhDong, BEFORE));
    }

    @Test
    void aCodeThatNeverExistedIsUnknown() {
        for (String code : new String[] {"99999", "10522", "00", null}) {
            Resolution r = registry.resolve(code, TODAY);
            assertEquals(Status.UNKNOWN, r.status(), code);
            assertTrue(r.original().isEmpty() && r.province().isEmpty() && r.unit().isEmpty() && r.candidates().isEmpty());
        }
        Resolution tooEarly = registry.resolve("11948", BEFORE);
        assertEquals(Status.UNKNOWN, tooEarly.status(), "Đặc khu Bạch Long Vĩ exists only from 2025-07-01");
        assertTrue(tooEarly.explanation().contains("only from 2025-07-01"), tooEarly.explanation());
    }

    @Test
    void everyOldUnitResolvesTodayAndNeverByAGuess() {
        for (AdminUnit u : registry.tree(OLD).all()) {
            Resolution r = registry.resolve(u.code(), TODAY);
            assertTrue(r.status() != Status.UNKNOWN, u.code());
            if (r.status() == Status.MAPPED) {
                assertFalse(r.candidates().isEmpty(), u.code());
                assertEquals(r.candidates().size() == 1 && r.candidates().get(0).full(), r.decided(), u.code());
                r.province().ifPresent(p -> assertTrue(r.candidates().stream()
                        .allMatch(c -> registry.treeOn(TODAY).isWithin(c.code(), p.code())), u.code()));
            }
        }
    }

    // ------------------------------------------------------------------------------------------- jurisdiction

    @Test
    void anOfficerOfTheNewProvinceCoversEveryOldUnitOfTheProvincesItWasMadeOf() {
        assertEquals(NEW, registry.jurisdictionUnit("31", TODAY).orElseThrow().edition());
        AdminUnits old = registry.tree(OLD);
        Set<String> haiDuongAndHaiPhong = new java.util.HashSet<>(old.subtree("30"));
        haiDuongAndHaiPhong.addAll(old.subtree("31"));
        for (String code : haiDuongAndHaiPhong) {
            assertTrue(registry.covers("31", OLD, code, TODAY), code);
        }
        assertFalse(registry.covers("31", OLD, "74", TODAY));
        assertFalse(registry.covers("31", OLD, "00004", TODAY));
        assertTrue(registry.covers("31", NEW, "10507", TODAY), "same edition: the subtree");
        assertFalse(registry.covers("01", NEW, "10507", TODAY));
        assertTrue(registry.covers("01", NEW, "01", TODAY), "a unit covers itself");
        assertFalse(registry.covers("31", NEW, "99999", TODAY), "an unknown unit");
        assertFalse(registry.covers("99", NEW, "10507", TODAY), "an unknown jurisdiction");
    }

    @Test
    void anOfficerWhoseTokenStillSaysTheOldProvinceCoversOnlyWhatWasWhollyItsOwn() {
        EditionUnit thirty = registry.jurisdictionUnit("30", TODAY).orElseThrow();
        assertEquals(OLD, thirty.edition(), "30 is read in the latest edition that has it");
        assertTrue(registry.covers("30", NEW, "10507", TODAY), "Phường Thành Đông: four old communes of Hải Dương");
        assertTrue(registry.covers("30", NEW, "10532", TODAY), "made of Hải Dương communes, one of them in part");
        assertFalse(registry.covers("30", NEW, "11948", TODAY), "Bạch Long Vĩ was Hải Phòng's");
        assertFalse(registry.covers("30", NEW, "31", TODAY), "the new province is bigger than the old one");
        assertTrue(registry.covers("30", OLD, "10510", TODAY), "an old unit of the same edition");
        assertTrue(registry.covers("288", NEW, "10507", TODAY), "an old district covers a new commune made of its communes");
        assertFalse(registry.covers("10528", NEW, "10532", TODAY),
                "old Phường Trần Phú went partly into 10532: it does not cover it, nor the rest of it");
    }

    @Test
    void aNewCommuneMadeFromTwoOldProvincesIsCoveredByNeitherOldOfficerButByTheNewProvinces() {
        // Phường Hải Châu (20242, new Đà Nẵng 48): old Đà Nẵng (48) wards and part of Xã Phước Ninh of old Quảng Nam (49).
        assertEquals(Set.of("48", "49"), registry.predecessors(NEW, "20242").stream()
                .map(p -> registry.provinceOf(p.unit()).code()).collect(Collectors.toSet()));
        assertFalse(registry.covers("48", NEW, "20242", BEFORE), "old Đà Nẵng's officer (48 read in 2025-03-01)");
        assertFalse(registry.covers("49", NEW, "20242", TODAY), "old Quảng Nam's officer (49 exists only in 2025-03-01)");
        assertTrue(registry.covers("48", NEW, "20242", TODAY), "new Đà Nẵng's officer");
        // Xã Đại Đồng (11995, new Hưng Yên 33): communes of old Hưng Yên (33) and part of one of old Thái Bình (34).
        assertFalse(registry.covers("33", NEW, "11995", BEFORE));
        assertFalse(registry.covers("34", NEW, "11995", TODAY));
        assertTrue(registry.covers("33", NEW, "11995", TODAY));
        // and the other way: the new province's officer covers both old provinces
        assertTrue(registry.covers("48", OLD, "49", TODAY));
        assertTrue(registry.covers("33", OLD, "34", TODAY));
    }

    @Test
    void everyOldCommuneIsCoveredByTheNewProvinceItsLandWentInto() {
        for (AdminUnit u : registry.tree(OLD).all()) {
            if (u.level() != Level.COMMUNE) {
                continue;
            }
            Set<String> provinces = registry.successors(OLD, u.code()).stream()
                    .map(s -> registry.provinceOf(s.unit()).code()).collect(Collectors.toSet());
            assertEquals(1, provinces.size(), u.code());
            assertTrue(registry.covers(provinces.iterator().next(), OLD, u.code(), TODAY), u.code());
        }
    }

    @Test
    void theUnitsAJurisdictionCoversInAnEditionAreExactlyThoseCoversAccepts() {
        String[][] jurisdictions = {{NEW, "31"}, {NEW, "48"}, {NEW, "01"}, {NEW, "10507"}, {NEW, "07192"}, {NEW, "20242"},
                {OLD, "30"}, {OLD, "31"}, {OLD, "288"}, {OLD, "207"}, {OLD, "10528"}, {OLD, "49"}};
        for (String[] j : jurisdictions) {
            EditionUnit jurisdiction = registry.find(j[0], j[1]).orElseThrow();
            for (String edition : List.of(OLD, NEW)) {
                List<String> everyCovered = registry.tree(edition).all().stream().map(AdminUnit::code).sorted()
                        .filter(c -> registry.covers(jurisdiction, registry.find(edition, c).orElseThrow())).toList();
                assertEquals(everyCovered, registry.coveredIn(jurisdiction, edition).stream().map(EditionUnit::code).toList(),
                        jurisdiction + " in " + edition);
            }
        }
        EditionUnit thirtyOne = registry.find(NEW, "31").orElseThrow();
        List<String> old = registry.coveredIn(thirtyOne, OLD).stream().map(EditionUnit::code).toList();
        assertTrue(old.containsAll(List.of("30", "31", "288", "10510", "303")), "both old provinces and all below");
        assertTrue(registry.coveredIn(registry.find(OLD, "10528").orElseThrow(), NEW).isEmpty(),
                "a split commune covers no new unit");
    }

    // --------------------------------------------------------------------------------- in-test files, three editions

    static final String MANIFEST = """
            # three editions
            edition,from,file,mergesFile,source
            a,,a.csv,,test
            b,2025-07-01,b.csv,b-merges.csv,test
            c,2026-01-01,c.csv,c-merges.csv,test
            """;
    static final String A = """
            code,name,level,parentCode
            01,P1,PROVINCE,
            001,D1,DISTRICT,01
            00001,C1,COMMUNE,001
            00002,C2,COMMUNE,001
            02,P2,PROVINCE,
            002,D2,DISTRICT,02
            00003,C3,COMMUNE,002
            """;
    static final String B = """
            code,name,level,parentCode
            01,P1+P2,PROVINCE,
            00001,C1+C2+C3,COMMUNE,01
            """;
    static final String B_MERGES = """
            level,newCode,oldCode,oldName,kind
            PROVINCE,01,01,P1,full
            PROVINCE,01,02,P2,full
            COMMUNE,00001,00001,C1,full
            COMMUNE,00001,00002,C2,full
            COMMUNE,00001,00003,C3,full
            """;
    static final String C = """
            code,name,level,parentCode
            01,P1',PROVINCE,
            00001,C1',COMMUNE,01
            00005,C5,COMMUNE,01
            02,P2',PROVINCE,
            00006,C6,COMMUNE,02
            """;
    static final String C_MERGES = """
            level,newCode,oldCode,oldName,kind
            PROVINCE,01,01,P1+P2,partial
            PROVINCE,02,01,P1+P2,partial
            COMMUNE,00001,00001,C1+C2+C3,partial
            COMMUNE,00005,00001,C1+C2+C3,partial
            COMMUNE,00006,00001,C1+C2+C3,partial
            """;
    static final String POPULATIONS = """
            edition,code,count,year,source
            a,01,1000,2019,census
            """;

    private Path write(Path dir, Map<String, String> files) throws IOException {
        Map<String, String> all = new java.util.HashMap<>(Map.of("editions.csv", MANIFEST, "a.csv", A, "b.csv", B,
                "b-merges.csv", B_MERGES, "c.csv", C, "c-merges.csv", C_MERGES, "populations.csv", POPULATIONS));
        all.putAll(files);
        for (Map.Entry<String, String> f : all.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        return dir.resolve("editions.csv");
    }

    @Test
    void mappingsComposeAcrossThreeEditions(@TempDir Path dir) throws IOException {
        AdminUnitRegistry r = AdminUnitRegistry.load(write(dir, Map.of()));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        assertEquals(java.util.Arrays.asList(LocalDate.of(2025, 7, 1), LocalDate.of(2026, 1, 1), null),
                r.editions().stream().map(AdminUnitEdition::to).toList());
        assertEquals(List.of("00001 FULL"), codes(r.successors("a", "001")), "both communes went wholly into 00001");
        assertEquals(List.of("00001 PARTIAL", "00005 PARTIAL", "00006 PARTIAL"), codes(r.successorsIn("a", "00002", "c")));
        assertEquals(List.of("01 PARTIAL", "02 PARTIAL"), codes(r.successorsIn("a", "02", "c")));
        assertEquals(List.of("00001 PARTIAL", "00002 PARTIAL", "00003 PARTIAL"), codes(r.predecessorsIn("c", "00006", "a")),
                "each old commune lay wholly in b's 00001, which lies only partly in c's 00006");
        assertEquals(1000L, r.population("a", "01").orElseThrow().count());

        Resolution decided = r.resolve("001", LocalDate.of(2025, 8, 1));
        assertEquals(Status.MAPPED, decided.status());
        assertEquals("b/00001 C1+C2+C3", decided.unit().orElseThrow().toString());
        Resolution spread = r.resolve("00002", LocalDate.of(2026, 2, 1));
        assertEquals(Status.MAPPED, spread.status());
        assertEquals("a", spread.original().orElseThrow().edition(), "the latest earlier edition that has the code");
        assertTrue(spread.province().isEmpty(), "its land is in two provinces");
        assertTrue(spread.explanation().contains("the province and the commune must be chosen"), spread.explanation());
        assertEquals(Status.IN_FORCE, r.resolve("00001", LocalDate.of(2026, 2, 1)).status());

        assertTrue(r.covers("01", "a", "002", LocalDate.of(2025, 8, 1)), "b's 01 holds all of old P2");
        assertFalse(r.covers("01", "a", "002", LocalDate.of(2026, 2, 1)), "c's 01 holds only part of it: not widened");
        assertFalse(r.covers("001", "c", "00005", LocalDate.of(2026, 2, 1)), "c/00005 also took land of old D2");
        assertTrue(r.covers("01", "c", "00005", LocalDate.of(2026, 2, 1)));
    }

    @Test
    void aParentThatDoesNotExistIsRefusedWithItsFileAndLine(@TempDir Path dir) throws IOException {
        assertRefused(dir, Map.of("a.csv", A.replace("00003,C3,COMMUNE,002", "00003,C3,COMMUNE,003")),
                "a.csv", 8, "parent 003 of 00003 does not exist in edition a");
    }

    @Test
    void aParentNotOneLevelUpIsRefused(@TempDir Path dir) throws IOException {
        assertRefused(dir, Map.of("a.csv", A.replace("00003,C3,COMMUNE,002", "00003,C3,COMMUNE,02")),
                "a.csv", 8, "not one level up");
        assertRefused(dir, Map.of("a.csv", A.replace("02,P2,PROVINCE,", "02,P2,PROVINCE,01")),
                "a.csv", 6, "province 02 has a parent");
    }

    @Test
    void aCodeRepeatedWithinAnEditionIsRefused(@TempDir Path dir) throws IOException {
        assertRefused(dir, Map.of("b.csv", B + "00001,again,COMMUNE,01\n"), "b.csv", 4, "code 00001 is repeated within edition b (first at line 3)");
    }

    @Test
    void aMergeRowNamingAUnitUnknownInItsEditionIsRefused(@TempDir Path dir) throws IOException {
        assertRefused(dir, Map.of("b-merges.csv", B_MERGES + "COMMUNE,00009,00001,C1,full\n"),
                "b-merges.csv", 7, "newCode 00009 is not a unit of edition b");
        assertRefused(dir, Map.of("b-merges.csv", B_MERGES.replace("COMMUNE,00001,00003,C3,full", "COMMUNE,00001,00004,C4,full")),
                "b-merges.csv", 6, "oldCode 00004 is not a unit of edition a");
        assertRefused(dir, Map.of("b-merges.csv", B_MERGES.replace("COMMUNE,00001,00003,C3,full", "COMMUNE,00001,002,D2,full")),
                "b-merges.csv", 6, "002 is a DISTRICT");
    }

    @Test
    void otherBrokenLinesAreRefusedWithTheirLine(@TempDir Path dir) throws IOException {
        assertRefused(dir, Map.of("a.csv", A.replace("00002,C2,COMMUNE,001", "00002,C2,COMMUNE")), "a.csv", 5,
                "expected 4 columns, found 3");
        assertRefused(dir, Map.of("a.csv", A.replace("00002,C2,COMMUNE,001", "00002,C2,WARD,001")), "a.csv", 5,
                "level 'WARD'");
        assertRefused(dir, Map.of("a.csv", A.replace("00002,C2", "2x,C2")), "a.csv", 5, "code '2x'");
        assertRefused(dir, Map.of("b-merges.csv", B_MERGES + "COMMUNE,00001,00001,C1,full\n"), "b-merges.csv", 7,
                "repeats line 4");
        assertRefused(dir, Map.of("c-merges.csv", C_MERGES.replace("COMMUNE,00006,00001,C1+C2+C3,partial",
                "COMMUNE,00006,00001,C1+C2+C3,full")), "c-merges.csv", 6, "went there in full");
        assertRefused(dir, Map.of("b-merges.csv", B_MERGES.replace("COMMUNE,00001,00003,C3,full\n", "")), "a.csv", 8,
                "COMMUNE 00003 (C3) is the old unit of no row of b-merges.csv");
        assertRefused(dir, Map.of("editions.csv", MANIFEST.replace("b,2025-07-01", "b,2025-13-01")), "editions.csv", 4,
                "is not a date");
        assertRefused(dir, Map.of("editions.csv", MANIFEST.replace("b-merges.csv,test", ",test")), "editions.csv", 4,
                "needs a merges file");
        assertRefused(dir, Map.of("editions.csv", MANIFEST.replace("a,,a.csv,,test", "a,,a.csv,test")), "editions.csv", 3,
                "expected 5 columns");
        assertRefused(dir, Map.of("populations.csv", POPULATIONS + "b,02,5,2019,census\n"), "populations.csv", 3,
                "02 is not a unit of edition b");
        assertRefused(dir, Map.of("b.csv", B.replace("code,name", "kode,name")), "b.csv", 1, "expected the header");
        write(dir, Map.of());
        Files.delete(dir.resolve("c.csv"));
        AdminUnitDataException missing = assertThrows(AdminUnitDataException.class, () -> AdminUnitRegistry.load(dir.resolve("editions.csv")));
        assertEquals("c.csv: the file is missing", missing.getMessage());
    }

    private void assertRefused(Path dir, Map<String, String> files, String file, int line, String problem) throws IOException {
        Path manifest = write(dir, files);
        AdminUnitDataException e = assertThrows(AdminUnitDataException.class, () -> AdminUnitRegistry.load(manifest));
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + " line " + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static List<String> codes(List<UnitMapping> mappings) {
        return mappings.stream().map(m -> m.code() + " " + m.kind()).toList();
    }

    private static List<String> strings(List<UnitMapping> mappings) {
        return mappings.stream().map(UnitMapping::toString).toList();
    }
}
