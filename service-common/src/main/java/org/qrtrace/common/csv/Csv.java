package org.qrtrace.common.csv;

import java.util.List;

/**
 * CSV writing for exports and reports: RFC 4180 quoting, and cells that a spreadsheet would run as a formula
 * (starting with {@code = + - @ TAB CR}) are neutralised with a leading apostrophe (OWASP "CSV injection").
 */
public final class Csv {

    /** Byte order mark so that spreadsheet programs read the UTF-8 (Vietnamese diacritics) correctly. */
    public static final String UTF8_BOM = "\uFEFF";
    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private Csv() {
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && !(value instanceof Number) && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || s.startsWith(" ") || s.endsWith(" ")) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    public static String row(List<?> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        return sb.append("\r\n").toString();
    }
}
