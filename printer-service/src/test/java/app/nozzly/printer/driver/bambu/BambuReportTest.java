package app.nozzly.printer.driver.bambu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.driver.PrinterState;
import app.nozzly.printer.driver.TraySnapshot;

/** Real Bambu Lab reports (fixtures copied from the ha-bambulab recordings) parse into status, temperatures, trays. */
class BambuReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static PrinterSnapshot parse(String fixture) throws IOException {
        JsonNode document;
        try (InputStream in = BambuReportTest.class.getResourceAsStream("/bambu/" + fixture)) {
            document = JSON.readTree(in);
        }
        BambuReport report = new BambuReport(JSON.createObjectNode());
        report.merge(document.path("get_version"));
        JsonNode push = document.has("pushall") ? document.get("pushall") : document.get("push_all");
        // some recordings hold the print object itself, others wrap it as a printer publishes it
        JsonNode message = push.has("print") ? push : JSON.createObjectNode().set("print", push);
        assertThat(report.merge(message)).isTrue();
        return report.snapshot();
    }

    @Test
    void a1ReportIsIdleWithFourPlaTraysAndExternalSpool() throws IOException {
        PrinterSnapshot s = parse("MOCK-A1.json");
        assertThat(s.state()).isEqualTo(PrinterState.IDLE);
        assertThat(s.nozzle()).isEqualTo(27.8125);
        assertThat(s.bed()).isEqualTo(29.75);
        assertThat(s.chamber()).isEqualTo(5.0);
        assertThat(s.firmwareVersion()).isEqualTo("01.05.00.00");
        List<TraySnapshot> ams = s.trays().stream().filter(t -> t.amsId() == 0).toList();
        assertThat(ams).extracting(TraySnapshot::materialType).containsExactly("PLA", "PLA", "PLA", "PLA");
        assertThat(ams).extracting(TraySnapshot::color).containsExactly("#76D9F4", "#FFF144", "#FF80FF", "#0ACC38");
        assertThat(ams).extracting(TraySnapshot::remainPct).containsExactly(100, 100, 100, 100);
        assertThat(ams).extracting(TraySnapshot::slot).containsExactly(1, 2, 3, 4);
        assertThat(s.trays()).anySatisfy(t -> {
            assertThat(t.amsId()).isEqualTo(255);
            assertThat(t.materialType()).isEqualTo("PLA");
        });
    }

    @Test
    void p1pReportIsFailedWithUnknownRemainAndStringNumbers() throws IOException {
        PrinterSnapshot s = parse("P1P.json");
        assertThat(s.state()).isEqualTo(PrinterState.FAILED);
        assertThat(s.rawState()).isEqualTo("FAILED");
        assertThat(s.jobName()).isEqualTo("Fidget Collection");
        assertThat(s.remainingSeconds()).isEqualTo(759 * 60);
        assertThat(s.layerCurrent()).isEqualTo(1);
        assertThat(s.layerTotal()).isEqualTo(70);
        assertThat(s.nozzle()).isEqualTo(21.25);
        assertThat(s.bed()).isEqualTo(19.84375);
        List<TraySnapshot> ams = s.trays().stream().filter(t -> t.amsId() == 0).toList();
        assertThat(ams).hasSize(4).allSatisfy(t -> {
            assertThat(t.materialType()).isEqualTo("PLA");
            assertThat(t.color()).isEqualTo("#D357FE");
            assertThat(t.remainPct()).as("remain -1 means unknown").isNull();
        });
    }

    @Test
    void p1pWithoutAmsReportIsFinishedWithOnlyTheExternalSpool() throws IOException {
        PrinterSnapshot s = parse("MOCK-P1PNOAMS.json");
        assertThat(s.state()).isEqualTo(PrinterState.FINISHED);
        assertThat(s.progress()).isEqualTo(100.0);
        assertThat(s.layerCurrent()).isEqualTo(124);
        assertThat(s.jobName()).isEqualTo("sensor_altanlås_v2_v3");
        assertThat(s.nozzle()).isEqualTo(25.90625);
        assertThat(s.bed()).isEqualTo(23.125);
        assertThat(s.trays()).singleElement().satisfies(t -> {
            assertThat(t.amsId()).isEqualTo(255);
            assertThat(t.materialType()).isEqualTo("PETG");
            assertThat(t.color()).isEqualTo("#BCBCBC");
        });
    }

    @Test
    void x1cReportHasThreeAmsUnitsAnAmsHtAndEmptyTrays() throws IOException {
        PrinterSnapshot s = parse("MOCK-X1CMULTIAMS.json");
        assertThat(s.state()).isEqualTo(PrinterState.FINISHED);
        assertThat(s.fileName()).isEqualTo("/data/Metadata/plate_1.gcode");
        assertThat(s.jobName()).isEqualTo("Garden Hose Healer: Male fitting");
        assertThat(s.nozzle()).isEqualTo(26.0);
        assertThat(s.bed()).isEqualTo(23.0);
        assertThat(s.chamber()).as("from device.ctc when chamber_temper is absent").isEqualTo(25.0);
        assertThat(s.trays()).filteredOn(t -> t.amsId() == 1).extracting(TraySnapshot::remainPct)
                .containsExactly(21, 20, 71, 100);
        assertThat(s.trays()).filteredOn(t -> t.amsId() == 2 && t.trayId() == 0).singleElement()
                .satisfies(t -> assertThat(t.loaded()).isFalse());
        assertThat(s.trays()).filteredOn(t -> t.amsId() == 128).singleElement()
                .satisfies(t -> assertThat(t.materialType()).isEqualTo("PA-CF"));
        assertThat(s.trays()).filteredOn(t -> t.amsId() == 0).extracting(TraySnapshot::subBrand).containsOnly("PLA Matte");
        assertThat(s.trays()).filteredOn(TraySnapshot::loaded).hasSize(12);
    }

    @Test
    void h2dReportIsRunningWithPackedTemperaturesOfTheActiveExtruder() throws IOException {
        PrinterSnapshot s = parse("H2D.json");
        assertThat(s.state()).isEqualTo(PrinterState.PRINTING);
        assertThat(s.rawState()).isEqualTo("RUNNING");
        assertThat(s.jobName()).isEqualTo("Number 10 House Numbers_plate_1");
        assertThat(s.layerTotal()).isEqualTo(26);
        // device.extruder.info[].temp and device.bed.info.temp are packed as target << 16 | current
        assertThat(s.nozzle()).isEqualTo(264.0);
        assertThat(s.nozzleTarget()).isEqualTo(225.0);
        assertThat(s.bed()).isEqualTo(100.0);
        assertThat(s.bedTarget()).isEqualTo(100.0);
        assertThat(s.chamber()).isEqualTo(49.0);
        assertThat(s.trays()).filteredOn(t -> t.amsId() == 0).extracting(TraySnapshot::materialType)
                .containsExactly("PLA", "PLA", "PLA", "PETG");
        assertThat(s.trays()).filteredOn(t -> t.amsId() == 0).extracting(TraySnapshot::remainPct)
                .containsExactly(47, 35, 82, 26);
    }

    @Test
    void partialReportsMergeIntoTheLastFullState() throws IOException {
        BambuReport report = new BambuReport(JSON.createObjectNode());
        ObjectNode full = (ObjectNode) JSON.readTree("{\"print\":{\"gcode_state\":\"RUNNING\",\"mc_percent\":10,"
                + "\"nozzle_temper\":220.0,\"bed_temper\":60.0,\"subtask_name\":\"bracket\"}}");
        report.merge(full);
        report.merge(JSON.readTree("{\"print\":{\"mc_percent\":\"42\"}}"));
        PrinterSnapshot s = report.snapshot();
        assertThat(s.progress()).isEqualTo(42.0);
        assertThat(s.nozzle()).isEqualTo(220.0);
        assertThat(s.jobName()).isEqualTo("bracket");
        assertThat(report.merge(JSON.readTree("{\"system\":{\"command\":\"ledctrl\"}}"))).isFalse();
    }
}
