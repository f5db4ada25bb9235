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
        BambuReport report = new BambuReport(JSON.createObjectNode(), null);
        // some recordings hold the info object itself, others wrap it as a printer publishes it
        JsonNode version = document.path("get_version");
        report.merge(version.has("info") ? version : JSON.createObjectNode().set("info", version));
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
        assertThat(s.temperatures().nozzle()).isEqualTo(27.8125);
        assertThat(s.temperatures().bed()).isEqualTo(29.75);
        assertThat(s.temperatures().chamber()).as("an A1 has no chamber sensor; its constant 5 measures nothing")
                .isNull();
        assertThat(s.device().model()).as("project N2S of get_version").isEqualTo("A1");
        assertThat(s.device().firmwareVersion()).isEqualTo("01.05.00.00");
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
        assertThat(s.job().name()).isEqualTo("Fidget Collection");
        assertThat(s.job().remainingSeconds()).isEqualTo(759 * 60);
        assertThat(s.job().layerCurrent()).isEqualTo(1);
        assertThat(s.job().layerTotal()).isEqualTo(70);
        assertThat(s.temperatures().nozzle()).isEqualTo(21.25);
        assertThat(s.temperatures().bed()).isEqualTo(19.84375);
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
        assertThat(s.job().progress()).isEqualTo(100.0);
        assertThat(s.job().layerCurrent()).isEqualTo(124);
        assertThat(s.job().name()).isEqualTo("sensor_altanlås_v2_v3");
        assertThat(s.temperatures().nozzle()).isEqualTo(25.90625);
        assertThat(s.temperatures().bed()).isEqualTo(23.125);
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
        assertThat(s.job().file()).isEqualTo("/data/Metadata/plate_1.gcode");
        assertThat(s.job().name()).isEqualTo("Garden Hose Healer: Male fitting");
        assertThat(s.temperatures().nozzle()).isEqualTo(26.0);
        assertThat(s.temperatures().bed()).isEqualTo(23.0);
        assertThat(s.temperatures().chamber()).as("from device.ctc when chamber_temper is absent").isEqualTo(25.0);
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
        assertThat(s.job().name()).isEqualTo("Number 10 House Numbers_plate_1");
        assertThat(s.job().layerTotal()).isEqualTo(26);
        // device.extruder.info[].temp and device.bed.info.temp are packed as target << 16 | current
        assertThat(s.temperatures().nozzle()).isEqualTo(264.0);
        assertThat(s.temperatures().nozzleTarget()).isEqualTo(225.0);
        assertThat(s.temperatures().bed()).isEqualTo(100.0);
        assertThat(s.temperatures().bedTarget()).isEqualTo(100.0);
        assertThat(s.temperatures().chamber()).isEqualTo(49.0);
        assertThat(s.trays()).filteredOn(t -> t.amsId() == 0).extracting(TraySnapshot::materialType)
                .containsExactly("PLA", "PLA", "PLA", "PETG");
        assertThat(s.trays()).filteredOn(t -> t.amsId() == 0).extracting(TraySnapshot::remainPct)
                .containsExactly(47, 35, 82, 26);
    }

    @Test
    void partialReportsMergeIntoTheLastFullState() throws IOException {
        BambuReport report = new BambuReport(JSON.createObjectNode(), null);
        ObjectNode full = (ObjectNode) JSON.readTree("{\"print\":{\"gcode_state\":\"RUNNING\",\"mc_percent\":10,"
                + "\"nozzle_temper\":220.0,\"bed_temper\":60.0,\"subtask_name\":\"bracket\"}}");
        report.merge(full);
        report.merge(JSON.readTree("{\"print\":{\"mc_percent\":\"42\"}}"));
        PrinterSnapshot s = report.snapshot();
        assertThat(s.job().progress()).isEqualTo(42.0);
        assertThat(s.temperatures().nozzle()).isEqualTo(220.0);
        assertThat(s.job().name()).isEqualTo("bracket");
        assertThat(report.merge(JSON.readTree("{\"system\":{\"command\":\"ledctrl\"}}"))).isFalse();
    }

    @Test
    void aPartialReportBeforeTheFirstFullOneIsNotTakenForAnIdlePrinter() throws IOException {
        // a P1/A1 mid-print publishes its changed fields every second; one may arrive before the pushall answer
        BambuReport report = new BambuReport(JSON.createObjectNode(), "X1C");
        assertThat(report.merge(json("{\"print\":{\"command\":\"push_status\",\"mc_percent\":61,"
                + "\"nozzle_temper\":219.5}}"))).as("the printer's state is not known yet").isFalse();
        assertThat(report.merge(json("{\"print\":{\"command\":\"push_status\",\"gcode_state\":\"RUNNING\","
                + "\"subtask_name\":\"clip\",\"task_id\":\"77\"}}"))).isTrue();
        PrinterSnapshot s = report.snapshot();
        assertThat(s.state()).isEqualTo(PrinterState.PRINTING);
        assertThat(s.job().printerJobRef()).isEqualTo("77");
        assertThat(s.job().progress()).as("what the partial report said is kept").isEqualTo(61.0);
    }

    @Test
    void everyRecordedPrinterHasACameraAndOnlyModelsWithAChamberSensorReportAChamberTemperature() throws IOException {
        for (String fixture : List.of("MOCK-A1.json", "P1P.json", "MOCK-P1PNOAMS.json", "MOCK-X1CMULTIAMS.json",
                "H2D.json")) {
            assertThat(parse(fixture).device().camera()).as(fixture + ": ipcam.ipcam_dev \"1\"").isTrue();
        }
        assertThat(parse("P1P.json").temperatures().chamber()).as("P1P (project C11)").isNull();
        assertThat(parse("MOCK-P1PNOAMS.json").temperatures().chamber()).as("Bambu Lab P1P").isNull();
        assertThat(parse("MOCK-X1CMULTIAMS.json").device().model()).isEqualTo("X1C");
        assertThat(parse("H2D.json").temperatures().chamber()).isEqualTo(49.0);
    }

    @Test
    void aRegisteredModelWithoutChamberSensorShowsNoChamberBeforeGetVersionAnswers() throws IOException {
        BambuReport report = new BambuReport(JSON.createObjectNode(), "P1P");
        report.merge(JSON.readTree("{\"print\":{\"gcode_state\":\"IDLE\",\"chamber_temper\":5}}"));
        assertThat(report.snapshot().temperatures().chamber()).isNull();
    }

    @Test
    void theGetVersionAnswerDeliversTheFirmwareAtOnceOnceThePrinterStateIsKnown() throws IOException {
        BambuReport report = new BambuReport(JSON.createObjectNode(), null);
        String version = "{\"info\":{\"command\":\"get_version\",\"module\":[{\"name\":\"ota\","
                + "\"sw_ver\":\"01.08.02.00\",\"product_name\":\"Bambu Lab P1P\"}]}}";
        assertThat(report.merge(JSON.readTree(version))).as("nothing to deliver before the first state report")
                .isFalse();
        assertThat(report.merge(JSON.readTree("{\"print\":{\"gcode_state\":\"IDLE\"}}"))).isTrue();
        assertThat(report.snapshot().device().firmwareVersion()).isEqualTo("01.08.02.00");

        BambuReport later = new BambuReport(JSON.createObjectNode(), null);
        later.merge(JSON.readTree("{\"print\":{\"gcode_state\":\"IDLE\"}}"));
        assertThat(later.merge(JSON.readTree(version))).as("the answer after pushall is delivered by itself").isTrue();
        assertThat(later.snapshot().device().firmwareVersion()).isEqualTo("01.08.02.00");
        assertThat(later.snapshot().device().model()).isEqualTo("P1P");
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void aRefusalByAuthorizationControlMakesThePrinterReadOnlyUntilACommandSucceeds() throws IOException {
        BambuReport report = new BambuReport(JSON.createObjectNode(), "A1");
        report.merge(json("{\"print\":{\"command\":\"push_status\",\"msg\":0,\"gcode_state\":\"RUNNING\","
                + "\"mc_percent\":40,\"sequence_id\":\"7\"}}"));
        assertThat(report.snapshot().readOnlyReason()).as("an A1 reports no fun: nothing known yet").isNull();

        JsonNode refused = json("{\"command\":\"pause\",\"sequence_id\":\"100001\",\"param\":\"\","
                + "\"result\":\"failed\",\"reason\":\"mqtt message verify failed\",\"err_code\":84033543}");
        assertThat(BambuReport.isCommandReply(refused)).isTrue();
        assertThat(BambuReport.refusedForAuthorization(refused)).isTrue();
        assertThat(BambuReport.errorCode(refused)).isEqualTo("0x05024007");
        assertThat(report.answered("pause", refused)).isTrue();
        PrinterSnapshot readOnly = report.snapshot();
        assertThat(readOnly.readOnlyReason()).contains("pause", "mqtt message verify failed", "0x05024007",
                "Developer Mode");
        assertThat(readOnly.state()).as("it still prints").isEqualTo(PrinterState.PRINTING);

        assertThat(report.merge(json("{\"print\":{\"command\":\"pause\",\"sequence_id\":\"12\","
                + "\"result\":\"success\",\"reason\":\"\"}}"))).as("another client's reply is no report").isFalse();
        assertThat(report.snapshot().readOnlyReason()).isNotNull();

        JsonNode projectEcho = json("{\"command\":\"project_file\",\"sequence_id\":\"100002\","
                + "\"url\":\"ftp:///cache/a.3mf\",\"err_code\":84033545}");
        assertThat(BambuReport.refusedForAuthorization(projectEcho)).isTrue();
        assertThat(BambuReport.errorCode(projectEcho)).isEqualTo("0x05024009");

        assertThat(report.answered("resume", json("{\"command\":\"resume\",\"sequence_id\":\"100003\","
                + "\"result\":\"success\",\"reason\":\"\"}"))).isTrue();
        assertThat(report.snapshot().readOnlyReason()).isNull();
    }

    @Test
    void funTellsDeveloperModeOnFirmwareThatReportsIt() throws IOException {
        BambuReport report = new BambuReport(JSON.createObjectNode(), "X1C");
        report.merge(json("{\"print\":{\"command\":\"push_status\",\"gcode_state\":\"IDLE\","
                + "\"fun\":\"3EC1AFFF9CFF\"}}"));
        assertThat(report.snapshot().readOnlyReason()).contains("Developer Mode off");

        report.merge(json("{\"print\":{\"command\":\"push_status\",\"fun\":\"3EC18FFF9CFF\"}}"));
        assertThat(report.snapshot().readOnlyReason()).isNull();

        report.answered("stop", json("{\"command\":\"stop\",\"sequence_id\":\"5\",\"result\":\"failed\","
                + "\"reason\":\"mqtt message verify failed\",\"err_code\":84033543}"));
        assertThat(report.snapshot().readOnlyReason()).contains("refused stop");
        report.merge(json("{\"print\":{\"command\":\"push_status\",\"fun\":\"3EC1AFFF9CFF\"}}"));
        report.merge(json("{\"print\":{\"command\":\"push_status\",\"fun\":\"3EC18FFF9CFF\"}}"));
        assertThat(report.snapshot().readOnlyReason()).as("the printer reports Developer Mode again").isNull();
    }

    @Test
    void aReadOnlySnapshotTravelsAsJson() throws IOException {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        BambuReport report = new BambuReport(JSON.createObjectNode(), "A1");
        report.merge(json("{\"print\":{\"command\":\"push_status\",\"gcode_state\":\"RUNNING\"}}"));
        report.answered("pause", json("{\"command\":\"pause\",\"sequence_id\":\"5\",\"result\":\"failed\","
                + "\"reason\":\"mqtt message verify failed\",\"err_code\":84033543}"));
        PrinterSnapshot sent = report.snapshot();
        PrinterSnapshot received = mapper.readValue(mapper.writeValueAsString(sent), PrinterSnapshot.class);
        assertThat(received).isEqualTo(sent);
        assertThat(PrinterSnapshot.offline(received).readOnlyReason()).isEqualTo(sent.readOnlyReason());
    }
}
