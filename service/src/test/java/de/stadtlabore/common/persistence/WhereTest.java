package de.stadtlabore.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WhereTest {

    @Test
    void onlyTheFiltersThatAreSetBecomeConditions() {
        Where where = Where.of("l.public").and("l.slug = :lab", "lab", null).and("m.slug = :municipality", "municipality",
                "soest");
        assertThat(where).hasToString(" where (l.public) and (m.slug = :municipality)");
        assertThat(where.params()).containsOnlyKeys("municipality");
    }

    @Test
    void aStatementIsBoundOnlyTheParametersItNames() {
        Where where = Where.of("i.category = :category").with("category", "camera").with("lat", 51.4)
                .with("catalogue", "x").with("cat", "a prefix of a name is not the name");
        assertThat(where.paramsOf("select count(*) from item i" + where)).containsOnlyKeys("category");
        assertThat(where.paramsOf("select i.id, radians(:lat) from item i" + where + " order by :catalogue"))
                .containsOnlyKeys("category", "lat", "catalogue");
    }
}
