package de.stadtlabore.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static List<CSVRecord> parsed(String csv) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    @Test
    void cellsWithQuotesCommasAndLineBreaksSurviveARoundTrip() throws IOException {
        String csv = Csv.of(List.of("a", "b"), List.of(List.of("Der \"Bastler\", Soest", "zwei\r\nZeilen")));
        assertThat(parsed(csv).get(1).toList()).containsExactly("Der \"Bastler\", Soest", "zwei\r\nZeilen");
    }

    @Test
    void noCellIsEverAFormulaAlsoWithLineBreaksOrLeadingSpace() throws IOException {
        // The old regex missed values with a line break after the formula (finding 6).
        List<String> formulas = List.of("=HYPERLINK(\"https://example.org\")\n", "=1+1\r\nx", "+49 2932", "-1",
                "@SUM(A1)", "\tx", "\rx", "\nx", "  =1+1", "＝1+1", "=cmd|' /C calc'!A0");
        String csv = Csv.of(List.of("value"), formulas.stream().<List<?>>map(List::of).toList());
        List<CSVRecord> records = parsed(csv);
        for (int i = 0; i < formulas.size(); i++) {
            assertThat(records.get(i + 1).get(0)).as(formulas.get(i)).isEqualTo("'" + formulas.get(i));
        }
        assertThat(Csv.defused("a=b")).isEqualTo("a=b");
        assertThat(Csv.defused("Erika")).isEqualTo("Erika");
    }

    @Test
    void nullCellsStayEmptyAndEveryLineEndsWithCrLf() {
        assertThat(Csv.of(List.of("a", "b"), List.of())).isEqualTo("\"a\",\"b\"\r\n");
        assertThat(Csv.of(List.of("a", "b"), List.of(Arrays.asList(1, null)))).isEqualTo("\"a\",\"b\"\r\n\"1\",\r\n");
    }
}
