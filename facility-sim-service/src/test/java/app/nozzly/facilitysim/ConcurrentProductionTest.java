package app.nozzly.facilitysim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * 100 concurrent produce requests from ten teams sharing two water and two power providers, with funds,
 * provider capacity and storage all scarce: whatever interleaving happens, nothing is overdrawn and no money
 * appears or vanishes.
 */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
@ExtendWith(DecimalsAsBigDecimal.class)
class ConcurrentProductionTest {

    private static final Logger LOG = Logger.getLogger(ConcurrentProductionTest.class);
    private static final int TEAMS = 10;
    private static final int REQUESTS_PER_TEAM = 10;
    private static final BigDecimal START_FUNDS = new BigDecimal("150.00");
    private static final BigDecimal POOR_FUNDS = new BigDecimal("20.00");

    @Test
    void concurrentProductionNeverOverdrawsFundsCapacityOrStorageAndConservesMoney() throws Exception {
        Game game = new Game();
        String waterworks = game.team("Waterworks", "0.00");
        String grid = game.team("Grid", "0.00");
        List<String> wells = List.of(game.provider(waterworks, "WATER", "0.50", "500"),
                game.provider(waterworks, "WATER", "0.45", "500"));
        List<String> plants = List.of(game.provider(grid, "POWER", "0.50", "150"),
                game.provider(grid, "POWER", "0.55", "150"));
        List<String> teams = new ArrayList<>();
        List<String> farms = new ArrayList<>();
        for (int i = 0; i < TEAMS; i++) {
            // team 0 is short of money and team 9 of storage, so every kind of scarcity is in play
            String team = game.team("Team " + i, (i == 0 ? POOR_FUNDS : START_FUNDS).toPlainString());
            String farm = game.facility(team, "FARM", i == TEAMS - 1 ? "4" : "30");
            game.connect(farm, wells.get(i % 2));
            game.connect(farm, plants.get((i / 2) % 2));
            teams.add(team);
            farms.add(farm);
        }

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Response>> futures = new ArrayList<>();
        try {
            for (int round = 0; round < REQUESTS_PER_TEAM; round++) {
                for (int i = 0; i < TEAMS; i++) {
                    String student = game.student(teams.get(i));
                    Map<String, Object> body = Game.produce(farms.get(i), Game.WHEAT, 1 + (round + i) % 3);
                    Callable<Response> call = () -> game.as(student).body(body)
                            .post("/api/facility/production/produce").andReturn();
                    futures.add(pool.submit(call));
                }
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        } finally {
            pool.shutdownNow();
        }

        Map<Integer, Integer> codes = new HashMap<>();
        Map<String, BigDecimal> spentByTeam = new HashMap<>();
        Map<String, BigDecimal> spaceByFarm = new HashMap<>();
        Map<String, BigDecimal> deliveredByProvider = new HashMap<>();
        BigDecimal goldPaid = BigDecimal.ZERO;
        int successes = 0;
        for (Future<Response> future : futures) {
            Response response = future.get();
            assertThat(response.statusCode()).as(response.asString()).isIn(200, 402, 409);
            JsonPath body = response.jsonPath();
            codes.merge(body.getInt("businessCode"), 1, Integer::sum);
            if (response.statusCode() != 200) {
                assertThat(body.getInt("businessCode")).isIn(4002, 4004, 4008);
                continue;
            }
            successes++;
            String team = teams.get(farms.indexOf(body.getString("data.facility.id")));
            spentByTeam.merge(team, decimal(body, "data.costs.totalCost"), BigDecimal::add);
            spaceByFarm.merge(body.getString("data.facility.id"), decimal(body, "data.spaceUsed"), BigDecimal::add);
            deliveredByProvider.merge(body.getString("data.resources.water.provider.facilityId"),
                    decimal(body, "data.resources.water.consumed"), BigDecimal::add);
            deliveredByProvider.merge(body.getString("data.resources.power.provider.facilityId"),
                    decimal(body, "data.resources.power.consumed"), BigDecimal::add);
            goldPaid = goldPaid.add(decimal(body, "data.costs.materialBaseCost"));
        }
        assertThat(successes).isPositive().isLessThan(futures.size());
        LOG.infof("concurrent produce outcomes by business code: %s", codes);

        BigDecimal fundsAfter = BigDecimal.ZERO;
        for (String team : teams) {
            BigDecimal funds = decimal(game.teamView(team), "data.funds");
            assertThat(funds).isNotNegative();
            BigDecimal start = teams.indexOf(team) == 0 ? POOR_FUNDS : START_FUNDS;
            assertThat(funds).isEqualByComparingTo(start.subtract(spentByTeam.getOrDefault(team, BigDecimal.ZERO)));
            fundsAfter = fundsAfter.add(funds);
        }
        for (String farm : farms) {
            JsonPath view = game.facilityView(farm);
            assertThat(decimal(view, "data.spaceUsed")).isLessThanOrEqualTo(decimal(view, "data.storageCapacity"))
                    .isEqualByComparingTo(spaceByFarm.getOrDefault(farm, BigDecimal.ZERO));
        }
        for (String provider : concat(wells, plants)) {
            JsonPath view = game.facilityView(provider);
            assertThat(decimal(view, "data.supply.usedThisPeriod"))
                    .isLessThanOrEqualTo(decimal(view, "data.supply.capacity"))
                    .isEqualByComparingTo(deliveredByProvider.getOrDefault(provider, BigDecimal.ZERO));
        }
        BigDecimal providersEarned = decimal(game.teamView(waterworks), "data.funds")
                .add(decimal(game.teamView(grid), "data.funds"));
        BigDecimal startTotal = START_FUNDS.multiply(BigDecimal.valueOf(TEAMS - 1)).add(POOR_FUNDS);
        assertThat(fundsAfter.add(providersEarned).add(goldPaid)).isEqualByComparingTo(startTotal);

        Map<String, BigDecimal> balanceByReference = new HashMap<>();
        int page = 1;
        int rows = 0;
        JsonPath list;
        do {
            list = game.asTeacher().queryParam("limit", 100).queryParam("page", page++)
                    .get("/api/facility/transactions").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> transactions = list.getList("data.transactions");
            for (Map<String, Object> t : transactions) {
                BigDecimal amount = new BigDecimal(t.get("totalAmount").toString());
                balanceByReference.merge(t.get("reference").toString(),
                        "CONSUMER".equals(t.get("role")) ? amount.negate() : amount, BigDecimal::add);
                rows++;
            }
        } while (list.getInt("data.pagination.currentPage") < list.getInt("data.pagination.totalPages"));
        assertThat(rows).isEqualTo(successes * 4);
        assertThat(balanceByReference).hasSize(successes * 2);
        assertThat(balanceByReference.values()).allSatisfy(b -> assertThat(b).isEqualByComparingTo("0"));
        game.asTeacher().get("/api/facility/production").then().statusCode(200)
                .body("data.pagination.totalItems", equalTo(successes));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static BigDecimal decimal(JsonPath json, String path) {
        return new BigDecimal(json.getString(path));
    }
}
