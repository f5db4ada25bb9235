package app.nozzly.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The quick chaos run of the build: every fault of the schedule under a steady load, then every invariant of the
 * data, no 5xx but 503, and every replica ready again. {@code ./stack chaos} runs the full form.
 */
class ChaosIT {

    @Test
    void thePlatformKeepsItsPromisesWhileItsInfrastructureFails() throws Exception {
        ChaosRun.Outcome outcome = new ChaosRun(true, System.out).run();
        ChaosRun.report(outcome, System.out);
        assertThat(outcome.invariants().checks()).allSatisfy(check -> assertThat(check.held())
                .as(check.name() + ": " + check.evidence()).isTrue());
        assertThat(outcome.serverErrors()).as("5xx other than 503").isEmpty();
        assertThat(outcome.recovery()).as("every replica ready again").isNotNull();
    }
}
