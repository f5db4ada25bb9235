package app.nozzly.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.path.json.JsonPath;

/**
 * Issue 9 end to end, through the public APIs of the packaged services: a simulated Etsy receipt, the order
 * synced after the seller's OAuth login, models mapped to its skus, a run for the order with plates on a
 * registered Bambu printer, the simulated printer printing them, plates completed by event, weights, the run
 * completed, the ledger, the order's cost of goods and the margin analytics.
 */
class OrderToCostOfGoodsIT {

    private static Platform platform;

    @BeforeAll
    static void startThePlatform() {
        platform = Platform.get();
    }

    @Test
    void anEtsyOrderIsPrintedAndShowsItsCostOfGoodsAndMargin() {
        try (OrderChain chain = new OrderChain(platform, "E2EHappyPrints", "E2E-HAPPY")) {
            chain.buyerOrdersOnEtsyAndTheShopSyncs();
            chain.sellerMapsTheSkusToModelsAndStocksASpool();
            chain.sellerRegistersThePrinter();
            chain.sellerPlansARunForTheOrder();
            chain.sellerAssignsPlatesToThePrinter();
            chain.platesAreQueuedOnThePrinter();
            chain.printerFinishesEveryPlate();
            chain.platesCompleteByEvent();
            double consumed = chain.sellerRecordsTheWeights();
            JsonPath completed = chain.sellerCompletesTheRun();
            assertThat(completed.getString("status")).isEqualTo("completed");

            assertEverythingCountedOnce(chain, consumed);
        }
    }

    /**
     * production-service dies (kill -9) right after its plates reached the printer queue, so the printer's job
     * events wait in Kafka; order-sync-service dies before the run completes, so the run's completion waits.
     * Both come back and the chain ends exactly as without the crashes.
     */
    @Test
    void killingServicesMidFlowLosesNothingAndCountsNothingTwice() {
        try (OrderChain chain = new OrderChain(platform, "E2ECrashPrints", "E2E-CRASH")) {
            chain.buyerOrdersOnEtsyAndTheShopSyncs();
            chain.sellerMapsTheSkusToModelsAndStocksASpool();
            chain.sellerRegistersThePrinter();
            chain.sellerPlansARunForTheOrder();
            chain.sellerAssignsPlatesToThePrinter();
            chain.platesAreQueuedOnThePrinter();

            platform.production.kill();
            chain.printerFinishesEveryPlate();
            platform.production.start();
            chain.platesCompleteByEvent();

            double consumed = chain.sellerRecordsTheWeights();
            platform.orderSync.kill();
            JsonPath completed = chain.sellerCompletesTheRun();
            assertThat(completed.getString("status")).isEqualTo("completed");
            platform.orderSync.start();

            assertEverythingCountedOnce(chain, consumed);
        }
    }

    private static void assertEverythingCountedOnce(OrderChain chain, double consumed) {
        String tenant = chain.seller.tenant;

        // inventory: the weighed grams left the spool once, caused by the run
        List<Map<String, Object>> ledger = chain.spoolLedgerOfTheRun();
        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0).get("kind")).isEqualTo("consumption");
        assertThat(((Number) ledger.get(0).get("quantity")).doubleValue()).isCloseTo(consumed, within(0.001));
        assertThat(chain.spoolGrams()).isCloseTo(OrderChain.SPOOL_GRAMS - consumed, within(0.001));

        // production: every plate completed once, the run completed once with its cost
        for (String plateId : chain.plateIds) {
            List<JsonNode> completions = Events.of("production.runs", tenant, Events.type("production.plate.changed")
                    .and(e -> plateId.equals(e.path("data").path("plate_id").asText()))
                    .and(e -> "completed".equals(e.path("data").path("change").asText())));
            assertThat(completions).as("completions of plate %s", plateId).hasSize(1);
        }
        List<JsonNode> runCompletions = Events.of("production.runs", tenant, Events.type("production.run.completed")
                .and(e -> chain.runId.equals(e.path("subject").asText())));
        assertThat(runCompletions).hasSize(1);
        JsonNode data = runCompletions.get(0).path("data");
        JsonNode cost = data.path("cost");
        BigDecimal materialCost = amount(cost.path("material_cost"));
        BigDecimal machineCost = amount(cost.path("machine_cost"));
        BigDecimal costOfGoods = amount(cost.path("cost_of_goods"));
        assertThat(materialCost).isEqualByComparingTo(BigDecimal.valueOf(consumed).multiply(OrderChain.COST_PER_GRAM)
                .setScale(2, RoundingMode.HALF_EVEN));
        assertThat(cost.path("machine_hours").asDouble()).isPositive();
        assertThat(machineCost).isPositive();
        assertThat(machineCost.doubleValue()).isCloseTo(
                cost.path("machine_hours").asDouble() * Platform.PRINTER_HOURLY_COST.doubleValue(), within(0.01));
        assertThat(costOfGoods).isEqualByComparingTo(materialCost.add(machineCost));
        BigDecimal itemsTotal = BigDecimal.ZERO;
        for (JsonNode item : data.path("items")) {
            assertThat(item.path("order_id").asLong()).isEqualTo(chain.orderId);
            itemsTotal = itemsTotal.add(amount(item.path("cost_of_goods")));
        }
        assertThat(itemsTotal).isEqualByComparingTo(costOfGoods);

        // printer-service: one scheduled print and one printed job per plate
        for (String plateId : chain.plateIds) {
            String ref = "production-plate:" + plateId;
            assertThat(chain.scheduledPrints()).filteredOn(p -> ref.equals(p.get("external_ref"))).hasSize(1);
            assertThat(chain.jobs()).filteredOn(j -> ref.equals(j.get("external_ref"))).hasSize(1);
        }

        // order-sync: produced items, the cost of goods once and the margin
        JsonPath order = chain.orderShowsItsCostOfGoods();
        assertThat(money(order.get("cost_of_goods"))).isEqualByComparingTo(costOfGoods);
        for (Map<String, Object> item : order.<Map<String, Object>>getList("items")) {
            assertThat(item.get("produced_quantity")).as("produced quantity of %s", item.get("sku"))
                    .isEqualTo(item.get("quantity"));
        }
        BigDecimal netRevenue = money(order.get("total_amount")).subtract(money(order.get("refunded_amount")));
        BigDecimal margin = netRevenue.subtract(costOfGoods);
        assertThat(money(order.get("margin"))).isEqualByComparingTo(margin);
        List<JsonNode> costsPublished = Events.of("orders.events", tenant, Events.type("order.changed")
                .and(e -> String.valueOf(chain.orderId).equals(e.path("subject").asText()))
                .and(e -> e.path("data").path("cost_of_goods").isNumber()));
        assertThat(costsPublished).isNotEmpty()
                .allSatisfy(e -> assertThat(amount(e.path("data").path("cost_of_goods"))).isEqualByComparingTo(costOfGoods));

        // analytics: the margin of the day, summed over exactly this one order
        JsonPath analytics = chain.marginToday("daily");
        assertThat(analytics.getString("period")).isEqualTo("daily");
        assertThat(analytics.getInt("summary.orders")).isEqualTo(1);
        assertThat(money(analytics.get("summary.revenue"))).isEqualByComparingTo(netRevenue);
        assertThat(money(analytics.get("summary.cost_of_goods"))).isEqualByComparingTo(costOfGoods);
        assertThat(money(analytics.get("summary.margin"))).isEqualByComparingTo(margin);
        List<Map<String, Object>> days = analytics.getList("data");
        assertThat(days).filteredOn(d -> ((Number) d.get("orders")).intValue() > 0).singleElement()
                .satisfies(d -> assertThat(money(d.get("margin"))).isEqualByComparingTo(margin));
        JsonPath dashboard = chain.seller.at(chain.platform.orderSync).get("/api/analytics/dashboard").then()
                .statusCode(200).extract().jsonPath();
        assertThat(money(dashboard.get("gross_margin"))).isEqualByComparingTo(margin);
    }

    private static BigDecimal amount(JsonNode value) {
        assertThat(value.isNumber()).as("a JSON number: %s", value).isTrue();
        return value.decimalValue().setScale(2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal money(Object value) {
        assertThat(value).isInstanceOf(Number.class);
        return OrderChain.money(value);
    }
}
