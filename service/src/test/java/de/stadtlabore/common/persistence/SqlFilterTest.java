package de.stadtlabore.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SqlFilterTest {

    private static SqlFilter items(String base) {
        return SqlFilter.from("item i", "i.id", base).join("lab l on l.id = i.lab_id")
                .join("municipality m on m.id = l.municipality_id");
    }

    @Test
    void aStatementThatNamesNoJoinedTableReadsTheTableAlone() {
        assertThat(items("i.public").statement("count(*)", ""))
                .isEqualTo("select count(*) from item i where (i.public)");
    }

    @Test
    void aJoinedTableIsJoinedWhenTheConditionTheColumnsOrTheOrderNameIt() {
        assertThat(items("i.public or l.municipality_id = :own").statement("count(*)", ""))
                .isEqualTo("select count(*) from item i join lab l on l.id = i.lab_id"
                        + " where (i.public or l.municipality_id = :own)");
        assertThat(items("true").statement("i.id, l.latitude", ""))
                .isEqualTo("select i.id, l.latitude from item i join lab l on l.id = i.lab_id where (true)");
        assertThat(items("true").statement("i.id", " order by l.name"))
                .isEqualTo("select i.id from item i join lab l on l.id = i.lab_id where (true) order by l.name");
    }

    @Test
    void aJoinedTableBringsTheJoinsItNeedsInTheirOrder() {
        assertThat(items("true").and("m.slug = :municipality", "municipality", "soest").statement("count(*)", ""))
                .isEqualTo("select count(*) from item i join lab l on l.id = i.lab_id"
                        + " join municipality m on m.id = l.municipality_id where (true) and (m.slug = :municipality)");
    }

    @Test
    void anAliasInsideAnotherNameDoesNotCount() {
        // pl.name and "xl." end in the alias, but are other tables' columns.
        assertThat(items("exists (select 1 from lab pl where pl.name = 'x.l.')").statement("count(*)", ""))
                .isEqualTo("select count(*) from item i where (exists (select 1 from lab pl where pl.name = 'x.l.'))");
    }

    @Test
    void aJoinNeedsATableAnAliasAndACondition() {
        assertThatIllegalArgumentException().isThrownBy(() -> SqlFilter.from("item i", "i.id", "true").join("lab l"));
    }
}
