package de.stadtlabore.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import de.stadtlabore.support.Contract;

/** Every problem type the service answers with is named in the contract and titled in both languages. */
class ProblemCatalogueTest {

    @Test
    void everyProblemTypeIsInTheContractAndHasGermanAndEnglishTitles() {
        String contract = Contract.text().replaceAll("\\s+", " ");
        for (ProblemType type : ProblemType.values()) {
            assertThat(contract).as(type.slug()).contains("`" + type.slug() + "`");
            assertThat(Messages.title(type, Locale.GERMAN)).as(type.slug()).isNotBlank().doesNotStartWith("title.");
            assertThat(Messages.title(type, Locale.ENGLISH)).as(type.slug()).isNotBlank().doesNotStartWith("title.");
        }
    }
}
