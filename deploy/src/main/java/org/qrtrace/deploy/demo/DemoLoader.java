package org.qrtrace.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.qrtrace.deploy.DevKeys;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * {@code ./deploy/run-local --demo}: loads realistic demo data through the public APIs only (never SQL): venues across
 * the districts of Hải Dương (codes of the list in force until 2025-06-30, kept as given and placed in today's
 * province 31 Thành phố Hải Phòng), a few venues in communes of today's list in the Hải Phòng part of that province,
 * Hải Dương's own population figure, thousands of visitors and a week of visits uploaded by gate devices, including one
 * outbreak cluster, then prints a ready-to-run officer query. Deterministic (fixed seed), so a demo can be repeated.
 */
public final class DemoLoader {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String[] DISTRICTS = {"288", "290", "291", "292", "293", "294", "295", "296", "297", "298", "299", "300"};
    static final String[] CATEGORIES = {"OFFICE", "HOSPITAL", "SCHOOL", "HOTEL", "LODGING", "SUPERMARKET", "MARKET",
            "RESTAURANT", "FACTORY", "TRANSPORT_HUB", "RELIGIOUS", "OTHER"};
    static final String[] KIND_NAMES = {"Công ty", "Bệnh viện", "Trường THCS", "Khách sạn", "Nhà nghỉ", "Siêu thị", "Chợ",
            "Nhà hàng", "Nhà máy", "Bến xe", "Chùa", "Cửa hàng"};
    static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"};
    static final String[] GIVEN = {"Văn An", "Thị Bình", "Minh Châu", "Thị Dung", "Văn Đức", "Thu Hà", "Quang Huy",
            "Thị Lan", "Văn Long", "Thị Mai", "Hoài Nam", "Thị Oanh", "Văn Phúc", "Thanh Sơn", "Thị Thảo", "Văn Tùng"};
    /**
     * Venues in communes of the list in force since 2025-07-01, in what was Hải Phòng before it took in Hải Dương: code,
     * name, category, address. They get no visits (the outbreak and the everyday visits are Hải Dương's).
     */
    static final String[][] HAI_PHONG_VENUES = {
            {"11311", "Chợ Sắt", "MARKET", "2 Phan Bội Châu"},
            {"11329", "Trường THCS Ngô Quyền", "SCHOOL", "15 Lạch Tray"},
            {"11383", "Bệnh viện Lê Chân", "HOSPITAL", "30 Hai Bà Trưng"},
            {"11413", "Siêu thị Hải An", "SUPERMARKET", "120 Lê Hồng Phong"},
            {"11455", "Khách sạn Đồ Sơn", "HOTEL", "Khu 1 Đồ Sơn"},
            {"11473", "Bến xe Bạch Đằng", "TRANSPORT_HUB", "5 Bạch Đằng"}};
    /** Hải Dương's own figure (its orders divide by it), where the 2019 census counted 1,892,254. */
    static final long HAI_DUONG_POPULATION = 1_705_059;
    static final int HAI_DUONG_POPULATION_YEAR = 2021;
    static final String HAI_DUONG_POPULATION_SOURCE = "Quyết định của UBND tỉnh Hải Dương";
    static final String[] STREETS = {"Trần Hưng Đạo", "Nguyễn Lương Bằng", "Lê Thanh Nghị", "Quang Trung", "Nguyễn Trãi",
            "Điện Biên Phủ", "Thanh Niên", "Hồng Quang", "Ngô Quyền", "Bạch Đằng"};

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(20211123L);
    private final String venueUrl;
    private final String checkinUrl;
    private final String tracingUrl;
    private final DevKeys keys;

    record Venue(String id, String name, String category, String district, String token) {
    }

    record Scan(String phone, String direction, Instant at) {
    }

    DemoLoader(Path stack, String venueUrl, String checkinUrl, String tracingUrl) {
        this.venueUrl = venueUrl;
        this.checkinUrl = checkinUrl;
        this.tracingUrl = tracingUrl;
        this.keys = DevKeys.loadOrCreate(stack.resolve("keys"));
    }

    public static void main(String[] args) throws Exception {
        Path stack = Path.of(args[0]);
        String venue = System.getenv().getOrDefault("VENUE_URL", "http://127.0.0.1:8081");
        String checkin = System.getenv().getOrDefault("CHECKIN_URL", "http://127.0.0.1:8082");
        String tracing = System.getenv().getOrDefault("TRACING_URL", "http://127.0.0.1:8083");
        int venues = Integer.parseInt(System.getenv().getOrDefault("DEMO_VENUES", "240"));
        int visitors = Integer.parseInt(System.getenv().getOrDefault("DEMO_VISITORS", "3000"));
        int days = Integer.parseInt(System.getenv().getOrDefault("DEMO_DAYS", "7"));
        new DemoLoader(stack, venue, checkin, tracing).load(venues, visitors, days);
    }

    void load(int venueCount, int visitorCount, int days) throws Exception {
        String admin = keys.mint("admin", null, null, "demo-org", Duration.ofHours(2));
        List<Venue> venues = new ArrayList<>();
        for (int i = 0; i < venueCount; i++) {
            int kind = i % CATEGORIES.length;
            String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
            String name = KIND_NAMES[kind] + " " + FAMILY[random.nextInt(FAMILY.length)] + " số " + (i + 1);
            venues.add(createVenue(admin, name, CATEGORIES[kind], district,
                    (1 + random.nextInt(300)) + " " + STREETS[random.nextInt(STREETS.length)], "0220", random));
            if ((i + 1) % 50 == 0) {
                System.out.printf("    %d venues registered%n", i + 1);
            }
        }
        // Their own random numbers: the Hải Dương venues, the visits and the outbreak stay exactly as they were.
        Random haiPhongRandom = new Random(20250701L);
        for (String[] v : HAI_PHONG_VENUES) {
            createVenue(admin, v[1], v[2], v[0], v[3], "0225", haiPhongRandom);
        }
        System.out.printf("    %d venues in communes of today's Thành phố Hải Phòng (31): %s%n", HAI_PHONG_VENUES.length,
                String.join(", ", java.util.Arrays.stream(HAI_PHONG_VENUES).map(v -> v[0]).toList()));
        JsonNode population = setPopulation(admin, "30", "2025-03-01", HAI_DUONG_POPULATION, HAI_DUONG_POPULATION_YEAR,
                HAI_DUONG_POPULATION_SOURCE);
        System.out.printf(java.util.Locale.ROOT, "    population of Tỉnh Hải Dương (30, edition %s) set to %,d (%d, %s)%n",
                population.path("edition").asText(), population.path("count").asLong(), population.path("year").asInt(),
                population.path("source").asText());
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < visitorCount; i++) {
            phones.add(String.format("091%07d", 1_000_000 + i * 7 + random.nextInt(7)));
        }

        // Everyday visits: each visitor visits a few venues a day; scans grouped per venue as gate-device uploads.
        Map<Venue, List<Scan>> scans = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(VN);
        Instant now = Instant.now();
        for (int d = days - 1; d >= 0; d--) {
            LocalDate day = today.minusDays(d);
            for (String phone : phones) {
                int visits = random.nextInt(3);
                for (int v = 0; v < visits; v++) {
                    Venue venue = venues.get(random.nextInt(venues.size()));
                    Instant in = ZonedDateTime.of(day, LocalTime.of(7 + random.nextInt(12), random.nextInt(60)), VN).toInstant();
                    if (in.isAfter(now.minusSeconds(600))) {
                        continue;
                    }
                    Instant out = in.plus(Duration.ofMinutes(20 + random.nextInt(120)));
                    scans.computeIfAbsent(venue, k -> new ArrayList<>()).add(new Scan(phone, "IN", in));
                    if (out.isBefore(now)) {
                        scans.get(venue).add(new Scan(phone, "OUT", out));
                    }
                }
            }
        }

        // The outbreak cluster: the index case at a market in Thành phố Hải Dương yesterday morning; 15 people there
        // with them; 5 of those later at a school, where 10 more people meet them (F2).
        String indexPhone = DemoOutbreak.INDEX_PHONE;
        Venue market = venues.stream().filter(v -> v.category().equals("MARKET")).findFirst().orElse(venues.get(0));
        Venue school = venues.stream().filter(v -> v.category().equals("SCHOOL")).findFirst().orElse(venues.get(1));
        LocalDate outbreakDay = today.minusDays(Math.min(3, days - 1));
        Instant marketIn = ZonedDateTime.of(outbreakDay, LocalTime.of(8, 0), VN).toInstant();
        scans.computeIfAbsent(market, k -> new ArrayList<>()).add(new Scan(indexPhone, "IN", marketIn));
        scans.get(market).add(new Scan(indexPhone, "OUT", marketIn.plus(Duration.ofMinutes(90))));
        for (int i = 0; i < 15; i++) {
            String f1 = String.format("0912999%03d", 100 + i);
            Instant in = marketIn.plus(Duration.ofMinutes(10 + 3L * i));
            scans.get(market).add(new Scan(f1, "IN", in));
            scans.get(market).add(new Scan(f1, "OUT", in.plus(Duration.ofMinutes(60))));
            if (i < 5) {
                Instant schoolIn = ZonedDateTime.of(outbreakDay, LocalTime.of(13, 0), VN).toInstant().plus(Duration.ofMinutes(i));
                scans.computeIfAbsent(school, k -> new ArrayList<>()).add(new Scan(f1, "IN", schoolIn));
                scans.get(school).add(new Scan(f1, "OUT", schoolIn.plus(Duration.ofHours(3))));
            }
        }
        for (int i = 0; i < 10; i++) {
            String f2 = String.format("0912999%03d", 200 + i);
            Instant in = ZonedDateTime.of(outbreakDay, LocalTime.of(13, 30), VN).toInstant();
            scans.computeIfAbsent(school, k -> new ArrayList<>()).add(new Scan(f2, "IN", in));
            scans.get(school).add(new Scan(f2, "OUT", in.plus(Duration.ofHours(2))));
        }

        int accepted = 0;
        int total = 0;
        for (Map.Entry<Venue, List<Scan>> e : scans.entrySet()) {
            List<Scan> list = e.getValue();
            list.sort(java.util.Comparator.comparing(Scan::at));
            for (int from = 0; from < list.size(); from += 200) {
                List<Scan> batch = list.subList(from, Math.min(list.size(), from + 200));
                accepted += uploadBatch(e.getKey(), batch);
                total += batch.size();
            }
        }
        System.out.printf("    %d venues, %d visitors, %d gate scans uploaded (%d accepted)%n",
                venues.size(), phones.size() + 26, total, accepted);

        String from = ZonedDateTime.of(today.minusDays(days), LocalTime.MIDNIGHT, VN).toInstant().toString();
        String to = Instant.now().plus(Duration.ofHours(1)).toString();
        System.out.println();
        System.out.println("Demo loaded. An outbreak: the index case (phone " + indexPhone + ") was at '" + market.name()
                + "' on " + outbreakDay + " morning. Ask who was exposed (officer of province 30):");
        System.out.println();
        System.out.println("  curl -s -X POST " + tracingUrl + "/api/v1/exposure-queries \\");
        System.out.println("    -H \"Authorization: Bearer $(sed -n 's/.*\"health-officer\": \"\\(.*\\)\".*/\\1/p' target/local-stack/dev-tokens.json)\" \\");
        System.out.println("    -H 'Content-Type: application/json' -d '{\"caseReference\":\"" + DemoOutbreak.CASE_REFERENCE + "\",\"phone\":\"" + indexPhone
                + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"bufferMinutes\":30,\"minOverlapMinutes\":15,\"depth\":2}'");
        System.out.println();
        System.out.println("Or take the next steps at once: open the case " + DemoOutbreak.CASE_REFERENCE
                + ", run that query under it and tell its F1 contacts by SMS:");
        System.out.println();
        System.out.println("  ./deploy/demo-outbreak");
        System.out.println();
        System.out.println("Messages the local SMSC received: curl -s "
                + System.getenv().getOrDefault("SMSC_MESSAGES_URL", "http://127.0.0.1:2776/messages")
                + "  (also target/local-stack/smsc/messages.jsonl)");
        System.out.println();
        System.out.println("Posters: " + venueUrl + "/api/v1/venues/" + market.id() + "/poster.pdf (also .png, .svg), with the admin token;");
        System.out.println("  every venue of a district in one PDF: " + venueUrl + "/api/v1/venues/posters.pdf?adminUnitCode=288");
        System.out.println("Venues of today's province 31 Thành phố Hải Phòng, Hải Dương's old codes included (each with its "
                + "placement): " + venueUrl + "/api/v1/venues?adminUnitCode=31");
        System.out.println("Hải Dương's population, with its history: " + venueUrl
                + "/api/v1/admin-units/30/population");
        System.out.println("Daily report: " + tracingUrl + "/api/v1/reports/daily?date=" + today + "&adminUnitCode=30");
    }

    /** Registers a venue; {@code numbers} draws its phone (area code {@code areaCode}) and capacity. */
    private Venue createVenue(String admin, String name, String category, String district, String address,
                              String areaCode, Random numbers) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("category", category);
        body.put("adminUnitCode", district);
        body.put("address", address);
        body.put("contactPhone", areaCode + " 3" + String.format("%06d", numbers.nextInt(1_000_000)));
        body.put("capacity", 50 + numbers.nextInt(500));
        body.put("entrances", List.of(Map.of("name", "Cổng chính")));
        JsonNode created = send("POST", venueUrl + "/api/v1/venues", admin, body, 201);
        String qrUrl = created.path("qrUrl").asText();
        return new Venue(created.path("id").asText(), name, category, district, qrUrl.substring(qrUrl.lastIndexOf('/') + 1));
    }

    /** Sets a unit's population through the admin API; returns the stored figure. */
    private JsonNode setPopulation(String admin, String code, String edition, long count, int year, String source)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", count);
        body.put("year", year);
        body.put("source", source);
        return send("PUT", venueUrl + "/api/v1/admin-units/" + code + "/population?edition=" + edition, admin, body, 200);
    }

    private int uploadBatch(Venue venue, List<Scan> scans) throws Exception {
        String gate = keys.mint("gate-device", List.of(venue.id()), null, null, Duration.ofHours(1));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Scan s : scans) {
            items.add(Map.of("idempotencyKey", UUID.nameUUIDFromBytes((venue.id() + s.phone() + s.direction() + s.at()).getBytes()).toString(),
                    "token", venue.token(), "phone", s.phone(), "direction", s.direction(), "scannedAt", s.at().toString()));
        }
        JsonNode result = send("POST", checkinUrl + "/api/v1/gate/batches", gate,
                Map.of("deviceId", "gate-" + venue.id().substring(0, 8), "scans", items), 200);
        int accepted = 0;
        for (JsonNode r : result.path("results")) {
            if ("ACCEPTED".equals(r.path("status").asText())) {
                accepted++;
            }
        }
        return accepted;
    }

    private JsonNode send(String method, String url, String token, Object body, int expected) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == expected) {
                return json.readTree(response.body());
            }
            if ((response.statusCode() == 503 || response.statusCode() == 429) && attempt < 5) {
                Thread.sleep(1000L * attempt);
                continue;
            }
            throw new IOException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
