package org.qrtrace.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both languages have every text; every text the templates name exists; no text is left empty or untranslated. */
class MessagesTest {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/messages/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void viAndEnHaveTheSameKeysAsTheBundleInterface() throws IOException {
        Set<String> vi = new TreeSet<>(load("m_vi.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("m_en.properties").stringPropertyNames());
        Set<String> methods = Arrays.stream(Messages.class.getDeclaredMethods()).map(m -> m.getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(vi, en, "vi and en differ");
        assertEquals(methods, vi, "the interface and the files differ");
        assertTrue(vi.size() > 150);
    }

    @Test
    void noTextIsEmptyAndVietnameseIsTranslated() throws IOException {
        Properties vi = load("m_vi.properties");
        Properties en = load("m_en.properties");
        for (String k : vi.stringPropertyNames()) {
            assertFalse(vi.getProperty(k).isBlank(), k + " empty in vi");
            assertFalse(en.getProperty(k).isBlank(), k + " empty in en");
        }
        // a sample that must differ (translated), and Vietnamese diacritics present
        assertFalse(vi.getProperty("sign_out").equals(en.getProperty("sign_out")));
        assertTrue(vi.getProperty("sign_out").contains("Đăng"));
    }

    @Test
    void everyKeyTheTemplatesNameExists() throws IOException {
        Set<String> keys = load("m_vi.properties").stringPropertyNames();
        Pattern direct = Pattern.compile("\\{m:([a-z0-9_]+)");
        Pattern exact = Pattern.compile("labels\\.get\\('([a-z_]+)'\\)");
        Pattern prefixed = Pattern.compile("labels\\.of\\('([a-z_]+)'");
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/templates"))) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                Matcher m = direct.matcher(text);
                while (m.find()) {
                    assertTrue(keys.contains(m.group(1)), f.getFileName() + " names " + m.group(1));
                }
                Matcher e = exact.matcher(text);
                while (e.find()) {
                    assertTrue(keys.contains(e.group(1)), f.getFileName() + " names " + e.group(1));
                }
                Matcher p = prefixed.matcher(text);
                while (p.find()) {
                    String prefix = p.group(1);
                    assertTrue(keys.stream().anyMatch(k -> k.startsWith(prefix)), f.getFileName() + " names " + prefix + "*");
                }
            }
        }
        // the keys built from data: every follow-up, SMS and case status, every error kind of ErrorPages
        for (String s : org.qrtrace.console.web.CasePages.FOLLOW_UP) {
            assertTrue(keys.contains("fu_" + s), s);
        }
        for (String s : new String[]{"QUEUED", "SENDING", "SUBMITTED", "DELIVERED", "FAILED", "EXPIRED"}) {
            assertTrue(keys.contains("sms_" + s), s);
        }
        for (String s : new String[]{"bad_request", "unauthorized", "forbidden", "not_found", "conflict", "service_error",
                "csrf", "role", "unreachable", "internal"}) {
            assertTrue(keys.contains("error_" + s), s);
        }
        for (String s : new String[]{"signed_out", "session_expired", "sign_in_error"}) {
            assertTrue(keys.contains(s + "_title") && keys.contains(s + "_text"), s);
        }
    }
}
