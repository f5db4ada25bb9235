package app.nozzly.printer.jobs.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobTimingTest {

    @Test
    void aPrintFirstSeenHalfWayWithThirtyMinutesLeftHasPrintedThirtyMinutes() {
        assertThat(JobTiming.elapsedWhenFound(null, 50.0, 1_800)).isEqualTo(1_800);
        assertThat(JobTiming.estimatedDuration(1_800, 1_800)).isEqualTo(3_600);
    }

    @Test
    void whatThePrinterSaysItPrintedWinsOverTheInference() {
        assertThat(JobTiming.elapsedWhenFound(1_234, 50.0, 1_800)).isEqualTo(1_234);
    }

    @Test
    void aPrintSeenFromItsStartOrWithoutProgressHasPrintedNothing() {
        assertThat(JobTiming.elapsedWhenFound(null, 0.0, 3_600)).isZero();
        assertThat(JobTiming.elapsedWhenFound(null, null, 3_600)).isZero();
        assertThat(JobTiming.elapsedWhenFound(null, 75.0, null)).isZero();
        assertThat(JobTiming.elapsedWhenFound(null, 100.0, 0)).isZero();
        assertThat(JobTiming.elapsedWhenFound(null, 75.0, 600)).isEqualTo(1_800);
    }

    @Test
    void withoutTheTimeLeftThereIsNoEstimate() {
        assertThat(JobTiming.estimatedDuration(600, null)).isNull();
        assertThat(JobTiming.estimatedDuration(-5, 100)).isEqualTo(100);
    }
}
