package app.nozzly.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void aScenarioWithABaselineDrawsBothCurvesOverThePercentiles() {
        Result result = new Result("4 reads", measured(10, 40), measured(2, 8), "p99 < 20 ms", false, Map.of(), "");

        String svg = Charts.svg(result);

        assertThat(svg).startsWith("<svg").contains("4 reads: latency by percentile (ms)")
                .contains(">measured<").contains(">baseline<").contains(">p99.99<");
        assertThat(svg.split("<polyline").length - 1).isEqualTo(2);
    }

    @Test
    void aScenarioWithoutLatenciesHasNoChart() {
        assertThat(Charts.svg(new Result("6 footprint", null, null, "", true, Map.of(), ""))).isNull();
    }

    private static Measurement measured(long fromMillis, long toMillis) {
        Measurement measurement = new Measurement();
        measurement.start();
        for (long ms = fromMillis; ms <= toMillis; ms++) {
            measurement.record(ms * 1000);
        }
        measurement.stop();
        return measurement;
    }
}
