package app.nozzly.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.nozzly.clients.inventory.ApiClient;
import app.nozzly.clients.inventory.api.MaterialTypeResourceApi;
import app.nozzly.clients.inventory.api.ModelResourceApi;
import app.nozzly.clients.inventory.api.MovementResourceApi;
import app.nozzly.clients.inventory.api.SpoolResourceApi;
import app.nozzly.clients.inventory.api.TransactionResourceApi;
import app.nozzly.clients.inventory.model.Cause;
import app.nozzly.clients.inventory.model.CauseType;
import app.nozzly.clients.inventory.model.CreateMaterialType;
import app.nozzly.clients.inventory.model.CreateModel;
import app.nozzly.clients.inventory.model.CreateSpool;
import app.nozzly.clients.inventory.model.ItemType;
import app.nozzly.clients.inventory.model.LineRequest;
import app.nozzly.clients.inventory.model.MaterialTypeView;
import app.nozzly.clients.inventory.model.ModelView;
import app.nozzly.clients.inventory.model.MovementKind;
import app.nozzly.clients.inventory.model.MovementRequest;
import app.nozzly.clients.inventory.model.MovementView;
import app.nozzly.clients.inventory.model.PageResultSpoolView;
import app.nozzly.clients.inventory.model.SpoolView;
import app.nozzly.clients.inventory.model.TransactionPage;
import app.nozzly.clients.inventory.model.TransactionView;
import app.nozzly.clients.inventory.model.Unit;
import app.nozzly.testing.TestTokens;

/** inventory-service's filament stock through the client generated from its served OpenAPI document. */
class InventoryClientIT {

    private final String tenant = "clients-" + UUID.randomUUID();
    private final ApiClient client = client(tenant);

    static ApiClient client(String tenant) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Services.get().inventory.url());
        String bearer = TestTokens.bearer(tenant, "admin");
        client.setRequestInterceptor(request -> request.header("Authorization", bearer));
        return client;
    }

    @Test
    void aSpoolIsStockedListedAndConsumedIntoTheLedger() throws Exception {
        MaterialTypeView pla = new MaterialTypeResourceApi(client)
                .materialTypeResourceCreate(new CreateMaterialType().code("PLA").name("Polylactic acid"));
        assertThat(pla.getCode()).isEqualTo("PLA");

        ModelResourceApi models = new ModelResourceApi(client);
        ModelView dragon = models.modelResourceCreate(new CreateModel().name("Dragon").sku("DRAGON-S")
                .estimatedGramsPerUnit(new BigDecimal("30")));
        assertThat(models.modelResourceBySku("DRAGON-S").getId()).isEqualTo(dragon.getId());

        SpoolResourceApi spools = new SpoolResourceApi(client);
        SpoolView created = spools.spoolResourceCreate(new CreateSpool().spoolId("FIL-001").brand("Bambu Lab")
                .color("Matte Black").materialType("PLA").initialWeightGrams(new BigDecimal("1000"))
                .costPerGram(new BigDecimal("0.025")));
        SpoolView spool = spools.spoolResourceGet(created.getId());
        assertThat(spool.getSpoolId()).isEqualTo("FIL-001");
        assertThat(spool.getMaterialType().getCode()).isEqualTo("PLA");
        assertThat(spool.getCurrentWeightGrams()).isEqualByComparingTo("1000");
        assertThat(spool.getAvailableGrams()).isEqualByComparingTo("1000");
        assertThat(spool.getCostPerGram()).isEqualByComparingTo("0.025");

        PageResultSpoolView listed = spools.spoolResourceList(null, null, null, null, null, "PLA", null, null, null);
        assertThat(listed.getTotal()).isEqualTo(1);
        assertThat(listed.getItems()).extracting(SpoolView::getId).containsExactly(spool.getId());

        MovementRequest consumption = new MovementRequest().idempotencyKey("print-" + UUID.randomUUID())
                .cause(new Cause().type(CauseType.USER).id("bench-print")).lines(List.of(new LineRequest()
                        .itemType(ItemType.SPOOL).itemId(spool.getId()).kind(MovementKind.CONSUMPTION)
                        .quantity(new BigDecimal("120")).unit(Unit.G)));
        MovementResourceApi movements = new MovementResourceApi(client);
        MovementView moved = movements.movementResourceMove(consumption);
        assertThat(moved.getLines()).singleElement()
                .satisfies(line -> assertThat(line.getBalanceAfter()).isEqualByComparingTo("880"));
        assertThat(movements.movementResourceMove(consumption).getId()).as("the same movement, once")
                .isEqualTo(moved.getId());
        assertThat(spools.spoolResourceGet(spool.getId()).getCurrentWeightGrams()).isEqualByComparingTo("880");

        TransactionPage ledger = new TransactionResourceApi(client).transactionResourceList(null, null, null, null,
                spool.getId(), null, null, moved.getId(), null, null, null);
        assertThat(ledger.getItems()).extracting(TransactionView::getSignedQuantity)
                .singleElement().satisfies(grams -> assertThat(grams).isEqualByComparingTo("-120"));
    }
}
