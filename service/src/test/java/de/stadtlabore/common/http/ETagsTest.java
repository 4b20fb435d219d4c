package de.stadtlabore.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ETagsTest {

    private static final String TAG = ETags.of("{\"slug\":\"stadtlabor-soest\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void theSameBytesGiveTheSameStrongTagOtherBytesAnother() {
        assertThat(TAG).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(ETags.of("{\"slug\":\"stadtlabor-soest\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(TAG);
        assertThat(ETags.of("{\"slug\":\"stadtlabor-Soest\"}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(TAG);
        assertThat(ETags.of(new byte[0])).isNotEqualTo(TAG);
    }

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsListsAndTheWildcard() {
        assertThat(ETags.noneMatchHits(TAG, TAG)).isTrue();
        assertThat(ETags.noneMatchHits("W/" + TAG, TAG)).isTrue();
        assertThat(ETags.noneMatchHits("\"other\", " + TAG, TAG)).isTrue();
        assertThat(ETags.noneMatchHits("*", TAG)).isTrue();
        assertThat(ETags.noneMatchHits("\"other\"", TAG)).isFalse();
        assertThat(ETags.noneMatchHits(TAG.replace("\"", ""), TAG)).isFalse();
        assertThat(ETags.noneMatchHits("", TAG)).isFalse();
        assertThat(ETags.noneMatchHits(null, TAG)).isFalse();
    }
}
