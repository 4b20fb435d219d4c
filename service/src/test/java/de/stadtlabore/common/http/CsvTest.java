package de.stadtlabore.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void textIsQuotedWithQuotesDoubled() {
        assertThat(Csv.text("Erika Musterfrau")).isEqualTo("\"Erika Musterfrau\"");
        assertThat(Csv.text("Der \"Bastler\", Soest")).isEqualTo("\"Der \"\"Bastler\"\", Soest\"");
        assertThat(Csv.text("zwei\r\nZeilen")).isEqualTo("\"zwei\r\nZeilen\"");
        assertThat(Csv.text(null)).isEmpty();
        assertThat(Csv.text("")).isEqualTo("\"\"");
    }

    @Test
    void aLeadingFormulaCharacterIsDefused() {
        for (String formula : List.of("=HYPERLINK(\"x\")", "+49 2932", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(Csv.text(formula)).as(formula).startsWith("\"'");
        }
        assertThat(Csv.text("a=b")).isEqualTo("\"a=b\"");
    }

    @Test
    void plainValuesStayAsTheyAre() {
        assertThat(Csv.plain(2)).isEqualTo("2");
        assertThat(Csv.plain(null)).isEmpty();
    }

    @Test
    void everyLineEndsWithCrLfAlsoWithoutRows() {
        assertThat(Csv.of(List.of("a", "b"), List.of())).isEqualTo("a,b\r\n");
        assertThat(Csv.of(List.of("a", "b"), List.of(List.of("1", Csv.text("x")), List.of("2", ""))))
                .isEqualTo("a,b\r\n1,\"x\"\r\n2,\r\n");
    }
}
