package app.nozzly.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathNormalizerTest {

    @ParameterizedTest
    @CsvSource({
            "/api/v1/spools, /api/v1/spools",
            "/api/v1/spools/, /api/v1/spools/",
            "//api///v1//spools, /api/v1/spools",
            "/api/v1/./spools, /api/v1/spools",
            "/api/v1/x/../spools, /api/v1/spools",
            "/api/v1/%73pools, /api/v1/spools",
            "/api/v1/%2e%2e/v1/spools, /api/v1/spools",
            "/api/v1/spools/a%20b, /api/v1/spools/a%20b",
            "/api/v1/spools/a%c3%a9, /api/v1/spools/a%C3%A9",
            "/api/v1/spools/.., /api/v1/",
            "/, /"
    })
    void normalisesToThePathAServiceWouldSee(String raw, String normalised) throws Exception {
        assertThat(PathNormalizer.normalize(raw).path()).isEqualTo(normalised);
    }

    @Test
    void keepsTheQueryAsTheClientSentIt() throws Exception {
        PathNormalizer.Target target = PathNormalizer.normalize("/a/../b?x=%2e%2e/&y=1");
        assertThat(target.path()).isEqualTo("/b");
        assertThat(target.uri()).isEqualTo("/b?x=%2e%2e/&y=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/..", "/a/../../b", "/a/%2e%2e/%2e%2e/b", "/a%2fb", "/a%2Fb", "/a%5cb", "/a\\b",
            "/a/..;/b", "/a/.;x/b", "/a/%00", "/a/%0a", "/a%", "/a%4", "/a%g1", "relative", "http://host/a",
            "/a#fragment"})
    void refusesTargetsAServiceCouldReadDifferently(String raw) {
        assertThatThrownBy(() -> PathNormalizer.normalize(raw)).isInstanceOf(PathNormalizer.RejectedPath.class);
    }
}
