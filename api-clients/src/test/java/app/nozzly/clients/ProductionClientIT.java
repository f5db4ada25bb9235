package app.nozzly.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.nozzly.clients.inventory.api.MaterialTypeResourceApi;
import app.nozzly.clients.inventory.api.ModelResourceApi;
import app.nozzly.clients.inventory.api.SpoolResourceApi;
import app.nozzly.clients.inventory.model.CreateMaterialType;
import app.nozzly.clients.inventory.model.CreateModel;
import app.nozzly.clients.inventory.model.CreateSpool;
import app.nozzly.clients.production.ApiClient;
import app.nozzly.clients.production.api.PlateResourceApi;
import app.nozzly.clients.production.api.RunMaterialResourceApi;
import app.nozzly.clients.production.api.RunResourceApi;
import app.nozzly.clients.production.model.AddItem;
import app.nozzly.clients.production.model.AddMaterial;
import app.nozzly.clients.production.model.CompletePlate;
import app.nozzly.clients.production.model.CreatePlate;
import app.nozzly.clients.production.model.CreateRun;
import app.nozzly.clients.production.model.PlateView;
import app.nozzly.clients.production.model.RunDetail;
import app.nozzly.clients.production.model.UpdateMaterial;
import app.nozzly.testing.TestTokens;

/** A production run through production-service's generated client, on stock set up with inventory's. */
class ProductionClientIT {

    private final String tenant = "clients-" + UUID.randomUUID();
    private final app.nozzly.clients.inventory.ApiClient inventory = InventoryClientIT.client(tenant);
    private final ApiClient client = client(tenant);

    private static ApiClient client(String tenant) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Services.get().production.url());
        String bearer = TestTokens.bearer(tenant, "admin");
        client.setRequestInterceptor(request -> request.header("Authorization", bearer));
        return client;
    }

    @Test
    void aRunIsPlannedPrintedOnAPlateWeighedAndCompletedWithItsCost() throws Exception {
        new MaterialTypeResourceApi(inventory).materialTypeResourceCreate(new CreateMaterialType().code("PETG"));
        UUID model = new ModelResourceApi(inventory).modelResourceCreate(new CreateModel().name("Vase").sku("VASE-M")
                .estimatedGramsPerUnit(new BigDecimal("25"))).getId();
        SpoolResourceApi spools = new SpoolResourceApi(inventory);
        UUID spool = spools.spoolResourceCreate(new CreateSpool().spoolId("FIL-PETG").materialType("PETG")
                .initialWeightGrams(new BigDecimal("1000")).costPerGram(new BigDecimal("0.025"))).getId();

        RunResourceApi runs = new RunResourceApi(client);
        RunDetail planned = runs.runResourceCreate(new CreateRun().runNumber("20250101-001").notes("vases")
                .items(List.of(new AddItem().modelId(model).quantity(4)))
                .materials(List.of(new AddMaterial().spoolId(spool).estimatedModelWeightGrams(100.0)
                        .estimatedFlushedGrams(5.0).estimatedTowerGrams(10.0))));
        UUID run = planned.getId();
        assertThat(planned.getStatus()).isEqualTo("in_progress");
        assertThat(planned.getItems()).singleElement().satisfies(item -> {
            assertThat(item.getModelId()).isEqualTo(model);
            assertThat(item.getQuantity()).isEqualTo(4);
        });
        assertThat(planned.getMaterials()).singleElement()
                .satisfies(material -> assertThat(material.getEstimatedTotalGrams()).isEqualTo(115.0));
        assertThat(spools.spoolResourceGet(spool).getReservedGrams()).as("reserved for the estimate")
                .isEqualByComparingTo("115");

        PlateResourceApi plates = new PlateResourceApi(client);
        PlateView plate = plates.plateResourceCreate(run, new CreatePlate().plateNumber(1).modelId(model)
                .printerId(UUID.randomUUID()).copiesPerPlate(4).estimatedPrintTimeMinutes(90));
        assertThat(plate.getStatus()).isEqualTo("pending");
        assertThat(plates.plateResourceStart(run, plate.getId()).getStatus()).isEqualTo("printing");
        PlateView printed = plates.plateResourceComplete(run, plate.getId(),
                new CompletePlate().successfulPrints(4).failedPrints(0));
        assertThat(printed.getStatus()).isEqualTo("completed");
        assertThat(printed.getSuccessfulPrints()).isEqualTo(4);

        new RunMaterialResourceApi(client).runMaterialResourceUpdate(run, planned.getMaterials().get(0).getId(),
                new UpdateMaterial().spoolWeightBeforeGrams(1000.0).spoolWeightAfterGrams(880.0));
        RunDetail completed = runs.runResourceComplete(run);
        assertThat(completed.getStatus()).isEqualTo("completed");
        assertThat(completed.getSuccessfulUnits()).isEqualTo(4);

        RunDetail readBack = runs.runResourceGet(run);
        assertThat(readBack.getStatus()).isEqualTo("completed");
        assertThat(readBack.getCompletedAt()).isNotNull();
        assertThat(readBack.getMaterialCost()).isEqualTo(3.0);
        assertThat(readBack.getMaterialCostPerUnit()).isEqualTo(0.75);
        assertThat(readBack.getCost().getMaterialCost()).isEqualByComparingTo("3.00");
        assertThat(readBack.getCost().getCostOfGoods()).isGreaterThanOrEqualTo(readBack.getCost().getMaterialCost());
        assertThat(readBack.getItems()).singleElement()
                .satisfies(item -> assertThat(item.getSuccessfulQuantity()).isEqualTo(4));
        assertThat(spools.spoolResourceGet(spool).getCurrentWeightGrams()).as("the weighed grams left the spool")
                .isEqualByComparingTo("880");
    }
}
