package app.nozzly.sim.bambu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.nozzly.sim.PrintOutcome;
import io.vertx.core.json.JsonObject;

class BambuPrinterStateTest {

    @Test
    void partialReportCarriesOnlyWhatChangedSinceTheLastReport() {
        BambuPrinterState state = new BambuPrinterState("SERIAL1", BambuModel.A1, true, false);
        state.fullReport();
        assertThat(state.partialReport().getJsonObject("print").fieldNames())
                .containsExactlyInAnyOrder("command", "msg", "sequence_id");

        state.startJob("bracket.3mf", Duration.ofMinutes(30), PrintOutcome.FINISH, 10, List.of());
        JsonObject started = state.partialReport().getJsonObject("print");
        assertThat(started.getString("gcode_state")).isEqualTo("PREPARE");
        assertThat(started.getString("subtask_name")).isEqualTo("bracket");
        assertThat(started.getString("mc_print_stage")).isEqualTo("2");
        assertThat(started.fieldNames()).doesNotContain("vt_tray", "lights_report", "upgrade_state");
        assertThat(started.getJsonObject("ams").fieldNames()).contains("tray_now").doesNotContain("ams");

        state.advance(120);
        JsonObject running = state.partialReport().getJsonObject("print");
        assertThat(running.getString("gcode_state")).isEqualTo("RUNNING");
        assertThat(running.getJsonObject("ams").getJsonArray("ams")).hasSize(1);
    }

    @Test
    void h2dPacksTemperaturesAsTargetShiftedLeftSixteenBitsOrCurrent() {
        BambuPrinterState state = new BambuPrinterState("SERIAL2", BambuModel.H2D, true, false);
        state.startJob("bracket.3mf", Duration.ofHours(1), PrintOutcome.FINISH, 10, List.of());
        state.advance(600);
        JsonObject report = state.fullReport().getJsonObject("print");
        int packed = report.getJsonObject("device").getJsonObject("extruder").getJsonArray("info").getJsonObject(0)
                .getInteger("temp");
        assertThat(packed >> 16).isEqualTo(report.getInteger("nozzle_target_temper")).isPositive();
        assertThat(packed & 0xFFFF).isEqualTo(report.getInteger("nozzle_temper"));
        assertThat(report.getJsonObject("ams").getJsonArray("ams")).hasSize(2);
    }

    @Test
    void printerWithoutAmsPrintsFromTheExternalSpool() {
        BambuPrinterState state = new BambuPrinterState("SERIAL3", BambuModel.P1P, false, false);
        assertThat(state.fullReport().getJsonObject("print").getJsonObject("ams").getJsonArray("ams")).isEmpty();
        state.startJob("bracket.3mf", Duration.ofMinutes(10), PrintOutcome.FINISH, 8, List.of());
        state.advance(700);
        JsonObject report = state.fullReport().getJsonObject("print");
        assertThat(report.getString("gcode_state")).isEqualTo("FINISH");
        JsonObject used = report.getJsonObject("filament_used");
        assertThat(used.getJsonArray("trays").getJsonObject(0).getInteger("tray_index"))
                .isEqualTo(BambuPrinterState.VIRTUAL_TRAY_INDEX);
        assertThat(used.getDouble("total_g")).isEqualTo(8.0);
    }

    @Test
    void busyPrinterRefusesASecondJobAndAnUnloadedTray() {
        BambuPrinterState state = new BambuPrinterState("SERIAL4", BambuModel.X1C, true, false);
        assertThat(state.startJob("a.3mf", Duration.ofMinutes(10), PrintOutcome.FINISH, 1, List.of(99))).isPresent();
        assertThat(state.startJob("a.3mf", Duration.ofMinutes(10), PrintOutcome.FINISH, 1, List.of(4))).isEmpty();
        assertThat(state.startJob("b.3mf", Duration.ofMinutes(10), PrintOutcome.FINISH, 1, List.of()))
                .hasValueSatisfying(reason -> assertThat(reason).contains("busy"));
    }

    @Test
    void modelsWithoutAChamberSensorKeepReportingTheirConstantWhileHeating() {
        BambuPrinterState a1 = new BambuPrinterState("SERIAL5", BambuModel.A1, true, false);
        BambuPrinterState x1c = new BambuPrinterState("SERIAL6", BambuModel.X1C, true, false);
        for (BambuPrinterState state : List.of(a1, x1c)) {
            state.startJob("box.3mf", Duration.ofHours(2), PrintOutcome.FINISH, 10, List.of());
            state.advance(1800);
        }
        assertThat(a1.fullReport().getJsonObject("print").getInteger("chamber_temper")).isEqualTo(5);
        assertThat(x1c.fullReport().getJsonObject("print").getInteger("chamber_temper")).isGreaterThan(25);
    }

    @Test
    void corruptFieldsAreReportedUntilTheTruthReturns() {
        BambuPrinterState state = new BambuPrinterState("SERIAL7", BambuModel.P1P, true, false);
        state.startJob("box.3mf", Duration.ofHours(2), PrintOutcome.FINISH, 10, List.of());
        state.advance(600);
        state.corrupt(new JsonObject().put("nozzle_temper", 42_901_129).put("mc_percent", -70_663_677));
        state.advance(60);
        JsonObject corrupt = state.fullReport().getJsonObject("print");
        assertThat(corrupt.getInteger("nozzle_temper")).isEqualTo(42_901_129);
        assertThat(corrupt.getInteger("mc_percent")).isEqualTo(-70_663_677);
        state.reportTruthfully();
        state.advance(60);
        JsonObject truthful = state.fullReport().getJsonObject("print");
        assertThat(truthful.getDouble("nozzle_temper")).isLessThan(300);
        assertThat(truthful.getInteger("mc_percent")).isBetween(0, 100);
    }
}
