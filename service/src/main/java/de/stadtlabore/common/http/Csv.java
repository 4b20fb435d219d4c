package de.stadtlabore.common.http;

import java.util.List;
import java.util.regex.Pattern;

/** Comma-separated values as RFC 4180 describes them, safe to open in a spreadsheet program. */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";
    /** Characters that make spreadsheet programs read a cell as a formula. */
    private static final Pattern FORMULA = Pattern.compile("^[=+\\-@\\t\\r].*", Pattern.DOTALL);

    private Csv() {
    }

    /** A header line and one line per row, each ended with CRLF; every row already made of cells. */
    public static String of(List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder(String.join(",", header)).append("\r\n");
        rows.forEach(row -> csv.append(String.join(",", row)).append("\r\n"));
        return csv.toString();
    }

    /** Free text as a quoted cell; a leading formula character is defused, nothing (null) stays empty. */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        String safe = FORMULA.matcher(value).matches() ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /** A value that needs no quoting (numbers, ids, timestamps, words of a closed set); null stays empty. */
    public static String plain(Object value) {
        return value == null ? "" : value.toString();
    }
}
