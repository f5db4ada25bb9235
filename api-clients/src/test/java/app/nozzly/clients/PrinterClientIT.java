package app.nozzly.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.nozzly.clients.printer.ApiClient;
import app.nozzly.clients.printer.ApiException;
import app.nozzly.clients.printer.api.PrinterResourceApi;
import app.nozzly.clients.printer.model.Created;
import app.nozzly.clients.printer.model.CreatePrinter;
import app.nozzly.clients.printer.model.Detail;
import app.nozzly.clients.printer.model.ListPage;
import app.nozzly.clients.printer.model.PrinterSummary;
import app.nozzly.clients.printer.model.PrinterType;
import app.nozzly.sim.prusa.PrusaLinkSimulator;
import app.nozzly.testing.TestTokens;

/** A farm owner registers a PrusaLink printer through printer-service's generated client and removes it again. */
class PrinterClientIT {

    private final String tenant = "clients-" + UUID.randomUUID();

    private ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Services.get().printers.url());
        String bearer = TestTokens.bearer(tenant, "admin");
        client.setRequestInterceptor(request -> request.header("Authorization", bearer));
        return client;
    }

    @Test
    void aPrinterIsRegisteredConnectsIsListedAndDeleted() throws Exception {
        PrinterResourceApi printers = new PrinterResourceApi(client());
        try (PrusaLinkSimulator prusa = PrusaLinkSimulator.builder().model("Core One").password("c0re-one").start()) {
            Created created = printers.printerResourceCreate(new CreatePrinter().id("prusa-core-1")
                    .name("Prusa Core One #1").type(PrinterType.PRUSA).ipAddress(prusa.url())
                    .accessCode("c0re-one").isActive(true));
            assertThat(created.getId()).isEqualTo("prusa-core-1");
            assertThat(created.getType()).isEqualTo(Created.TypeEnum.PRUSA);

            Detail connected = await().atMost(Duration.ofSeconds(60))
                    .until(() -> printers.printerResourceGet("prusa-core-1"), d -> "idle".equals(d.getStatus()));
            assertThat(connected.getConnectionStatus()).isEqualTo("connected");
            assertThat(connected.getName()).isEqualTo("Prusa Core One #1");

            ListPage listed = printers.printerResourceList(null, null, null, PrinterType.PRUSA);
            assertThat(listed.getTotalCount()).isEqualTo(1);
            assertThat(listed.getPrinters()).extracting(PrinterSummary::getId).containsExactly("prusa-core-1");

            assertThat(printers.printerResourceDelete("prusa-core-1").getDeletedAt()).isNotNull();
            ApiException gone = catchThrowableOfType(ApiException.class,
                    () -> printers.printerResourceGet("prusa-core-1"));
            assertThat(gone.getCode()).isEqualTo(404);
            assertThat(printers.printerResourceList(null, null, null, null).getTotalCount()).isZero();
        }
    }
}
