package org.qrtrace.tracing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMS text with named placeholders ({@code {venue}}, {@code {from}}, {@code {to}}, {@code {hotline}},
 * {@code {advice}}). Checked when it is made: a placeholder outside that list is refused with a message naming it and
 * the setting, so a typo in the configuration stops the service at start instead of sending a broken text.
 */
public final class MessageTemplate {

    public static final Set<String> PLACEHOLDERS = Set.of("venue", "from", "to", "hotline", "advice");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private final String text;

    /** @param setting the configuration key the text came from, named in the error */
    public MessageTemplate(String setting, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(setting + " is empty");
        }
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                unknown.add("{" + m.group(1) + "}");
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(setting + " has unknown placeholder(s) " + String.join(", ", unknown)
                    + "; known: {venue}, {from}, {to}, {hotline}, {advice}");
        }
        this.text = text;
    }

    /** The text with each placeholder replaced by its value (a missing value leaves an empty string). */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
