package app.nozzly.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import app.nozzly.clients.facility.ApiClient;
import app.nozzly.clients.facility.api.AdminResourceApi;
import app.nozzly.clients.facility.api.InventoryResourceApi;
import app.nozzly.clients.facility.api.ProductionResourceApi;
import app.nozzly.clients.facility.model.Command;
import app.nozzly.clients.facility.model.Connect;
import app.nozzly.clients.facility.model.CreateFacility;
import app.nozzly.clients.facility.model.CreateTeam;
import app.nozzly.clients.facility.model.FacilityType;
import app.nozzly.clients.facility.model.Inventory;
import app.nozzly.clients.facility.model.Produced;
import app.nozzly.testing.TestTokens;

/** A teacher sets up a game and a student team produces through facility-sim-service's generated client. */
class FacilityClientIT {

    /** Wheat in the raw-material catalog (specs/004 material 401). */
    private static final long WHEAT = 28;

    private final String tenant = "school-" + UUID.randomUUID();

    private ApiClient client(String bearer) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Services.get().facility.url());
        client.setRequestInterceptor(request -> request.header("Authorization", bearer));
        return client;
    }

    private String student(UUID team) {
        JwtClaims claims = TestTokens.claims(tenant, new String[] { "student" }, 3600);
        claims.setClaim("team_id", team.toString());
        return "Bearer " + TestTokens.sign(claims);
    }

    @Test
    void aTeacherSetsUpFacilitiesAndAStudentTeamProducesIntoItsInventory() throws Exception {
        AdminResourceApi teacher = new AdminResourceApi(client(TestTokens.bearer(tenant, "teacher")));
        UUID farmers = teacher.adminResourceCreateTeam(new CreateTeam().name("Farmers").funds(new BigDecimal("1000.00")),
                null).getData().getId();
        UUID utility = teacher.adminResourceCreateTeam(new CreateTeam().name("Utility Co").funds(BigDecimal.ZERO), null)
                .getData().getId();
        UUID farm = teacher.adminResourcePlaceFacility(new CreateFacility().teamId(farmers).name("farm-1")
                .type(FacilityType.FARM).level(2).q(1).r(-1).storageCapacity(new BigDecimal("500")), null).getData()
                .getId();
        UUID water = teacher.adminResourcePlaceFacility(new CreateFacility().teamId(utility).name("waterworks")
                .type(FacilityType.WATER).level(1).q(2).r(-2).unitPrice(new BigDecimal("0.33"))
                .capacity(new BigDecimal("10000")), null).getData().getId();
        UUID power = teacher.adminResourcePlaceFacility(new CreateFacility().teamId(utility).name("powerworks")
                .type(FacilityType.POWER).level(1).q(3).r(-3).unitPrice(new BigDecimal("0.47"))
                .capacity(new BigDecimal("10000")), null).getData().getId();
        assertThat(teacher.adminResourceConnect(new Connect().facilityId(farm).providerId(water), null).getData()
                .getResourceType()).isEqualTo("WATER");
        assertThat(teacher.adminResourceConnect(new Connect().facilityId(farm).providerId(power), null).getData()
                .getActive()).isTrue();

        ApiClient student = client(student(farmers));
        Produced produced = new ProductionResourceApi(student).productionResourceProduce(
                new Command().facilityId(farm).rawMaterialId(WHEAT).quantity(new BigDecimal("2.5")), "en").getData();
        assertThat(produced.getStatus()).isEqualTo("SUCCESS");
        assertThat(produced.getMaterial().getNumber()).isEqualTo(401);
        assertThat(produced.getResources().getWater().getConsumed()).isEqualByComparingTo("25");
        assertThat(produced.getResources().getPower().getConsumed()).isEqualByComparingTo("5");
        assertThat(produced.getCosts().getTotalCost()).isEqualByComparingTo("18.10");

        Inventory inventory = new InventoryResourceApi(student).inventoryResourceList(null, null, null, null, null)
                .getData();
        assertThat(inventory.getItems()).singleElement().satisfies(item -> {
            assertThat(item.getMaterial().getNumber()).isEqualTo(401);
            assertThat(item.getQuantity()).isEqualByComparingTo("2.5");
            assertThat(item.getTotalValue()).isEqualByComparingTo("18.10");
        });
        assertThat(teacher.adminResourceTeam(farmers, null).getData().getFunds()).isEqualByComparingTo("981.90");
        assertThat(teacher.adminResourceTeam(utility, null).getData().getFunds()).isEqualByComparingTo("10.60");
    }
}
