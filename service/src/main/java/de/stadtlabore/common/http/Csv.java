package de.stadtlabore.common.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Comma-separated values as RFC 4180 describes them (Apache Commons CSV), safe to open in a
 * spreadsheet program: no cell is ever evaluated as a formula.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n")
            .setQuoteMode(QuoteMode.ALL_NON_NULL).setNullString("").get();

    private Csv() {
    }

    /** A header line and one line per row, each ended with CRLF; null cells stay empty. */
    public static String of(List<String> header, List<List<?>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header.stream().map(Csv::defused));
            for (List<?> row : rows) {
                printer.printRecord(row.stream().map(cell -> cell == null ? null : defused(cell.toString())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The cell as text no spreadsheet evaluates: a cell whose first visible character would
     * start a formula (= + - @, also their full-width forms), or that starts with a tab or a
     * line break, gets a leading apostrophe (OWASP's advice for CSV injection).
     */
    static String defused(String cell) {
        String visible = cell.stripLeading();
        boolean control = !cell.isEmpty() && (cell.charAt(0) == '\t' || cell.charAt(0) == '\r' || cell.charAt(0) == '\n');
        boolean formula = !visible.isEmpty() && "=+-@＝＋－＠".indexOf(visible.charAt(0)) >= 0;
        return control || formula ? "'" + cell : cell;
    }
}
