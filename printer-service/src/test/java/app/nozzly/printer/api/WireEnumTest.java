package app.nozzly.printer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.platform.json.WireEnum;
import app.nozzly.printer.files.FileStatus;
import app.nozzly.printer.jobs.JobStatus;
import app.nozzly.printer.notifications.DeliveryStatus;
import app.nozzly.printer.printers.ConnectionType;
import app.nozzly.printer.printers.PrinterType;
import app.nozzly.printer.queue.ScheduledPrintStatus;
import app.nozzly.printer.statistics.Period;

/** The specs' words for an enum (specs/002, specs/003): in JSON both ways, in its column, in parameters. */
class WireEnumTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theValueIsTheNameInLowerCase() {
        assertThat(ConnectionType.BAMBU_LAN.value()).isEqualTo("bambu_lan");
        assertThat(WireEnum.values(PrinterType.class)).containsExactly("bambu_lab", "prusa");
        assertThat(QueryParameters.parse(SortDirection.class, "desc", "order_dir")).isEqualTo(SortDirection.DESC);
        assertThatThrownBy(() -> QueryParameters.parse(SortDirection.class, "DESC", "order_dir"))
                .hasMessage("order_dir must be one of [asc, desc], was DESC");
    }

    @Test
    void jsonCarriesTheValueBothWays() throws Exception {
        for (Class<? extends WireEnum> type : List.of(SortDirection.class, FileStatus.class, JobStatus.class,
                DeliveryStatus.class, ConnectionType.class, PrinterType.class, ScheduledPrintStatus.class,
                Period.class)) {
            for (WireEnum constant : type.getEnumConstants()) {
                String written = json.writeValueAsString(constant);
                assertThat(written).isEqualTo("\"" + constant.value() + "\"");
                assertThat(json.readValue(written, type)).isSameAs(constant);
            }
        }
    }

    @Test
    void theColumnHoldsTheValue() {
        JobStatus.Column column = new JobStatus.Column();
        assertThat(column.convertToDatabaseColumn(JobStatus.PRINTING)).isEqualTo("printing");
        assertThat(column.convertToEntityAttribute("cancelled")).isEqualTo(JobStatus.CANCELLED);
    }
}
