package de.stadtlabore.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NativeSqlTest {

    @Test
    void namedParametersBecomePositionalInTheOrderTheyAppear() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("b", 2);
        params.put("a", "x");
        List<Object> values = new ArrayList<>();
        String sql = NativeSql.positional("select :a, :b, :a from t where c = :b", params, values);
        assertThat(sql).isEqualTo("select ?, ?, ? from t where c = ?");
        assertThat(values).containsExactly("x", 2, "x", 2);
    }

    @Test
    void castsLiteralsAndQuotedNamesAreNotParameters() {
        List<Object> values = new ArrayList<>();
        String sql = NativeSql.positional("select cast(:t as timestamptz), x::text, ':no', \"a:b\" from t where y = :y",
                Map.of("t", "2027-01-01T00:00:00Z", "y", 1), values);
        assertThat(sql).isEqualTo("select cast(? as timestamptz), x::text, ':no', \"a:b\" from t where y = ?");
        assertThat(values).hasSize(2);
    }

    @Test
    void aCollectionStandsForItsElementsAndAnInstantIsSentInUtc() {
        List<Object> values = new ArrayList<>();
        Instant at = Instant.parse("2027-03-01T10:00:00Z");
        String sql = NativeSql.positional("s in (:s) and at < :at and n in (:none)",
                Map.of("s", List.of("a", "b", "c"), "at", at, "none", List.of()), values);
        assertThat(sql).isEqualTo("s in (?, ?, ?) and at < ? and n in (null)");
        assertThat(values).containsExactly("a", "b", "c", OffsetDateTime.of(2027, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void aParameterWithoutValueIsAnErrorNotANull() {
        assertThatThrownBy(() -> NativeSql.positional("x = :missing", Map.of(), new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":missing");
    }
}
