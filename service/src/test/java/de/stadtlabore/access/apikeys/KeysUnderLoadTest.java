package de.stadtlabore.access.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import de.stadtlabore.support.Api;
import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.Race;
import de.stadtlabore.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * More requests with API keys at once than the service has database connections (20): every one
 * is answered and counted against its allowance. Checking the key used to keep its connection to
 * the end of the request while the rate limit asked for another; with twenty such requests at
 * once none got one, and after the acquisition timeout each went on without being counted.
 */
@QuarkusTest
class KeysUnderLoadTest {

    static final int AT_ONCE = 60;

    @Test
    void sixtySimultaneousKeyRequestsAreAllAnsweredAndCounted() throws Exception {
        String key = Fixtures.apiKey(Tokens.admin("iserlohn"), List.of("labs:read"));
        List<String[]> answers = Race.run(AT_ONCE, n -> {
            var response = Api.api().header("X-API-Key", key).when().get("/labs").then().extract();
            return new String[] { String.valueOf(response.statusCode()), response.header("RateLimit") };
        });

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer[0]).isEqualTo("200");
            // Counted: fewer than the test profile's whole allowance of 1,000,000 remain.
            assertThat(answer[1]).startsWith("\"api-key\";r=").doesNotStartWith("\"api-key\";r=1000000;");
        });
    }
}
