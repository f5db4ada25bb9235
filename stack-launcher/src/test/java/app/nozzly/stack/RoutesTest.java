package app.nozzly.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutesTest {

    private final Routes routes = new Routes(Service.all());

    @Test
    void everyPrefixOfTheRouteMapReachesItsService() {
        assertThat(target("/api/v1/production-runs")).isEqualTo("production-service");
        assertThat(target("/api/v1/production-runs/abc/plates?status_filter=printing")).isEqualTo("production-service");
        assertThat(target("/api/v1/production/reactors")).isEqualTo("production-service");
        assertThat(target("/api/v1/spools/1")).isEqualTo("inventory-service");
        assertThat(target("/api/v1/material-types")).isEqualTo("inventory-service");
        assertThat(target("/api/v1/materials")).isEqualTo("inventory-service");
        assertThat(target("/api/v1/products")).isEqualTo("inventory-service");
        assertThat(target("/api/v1/inventory/transactions")).isEqualTo("inventory-service");
        assertThat(target("/api/filaments?low_stock=true")).isEqualTo("inventory-service");
        assertThat(target("/api/v1/printers")).isEqualTo("printer-service");
        assertThat(target("/api/v1/jobs/3")).isEqualTo("printer-service");
        assertThat(target("/api/v1/files/f1/download/status")).isEqualTo("printer-service");
        assertThat(target("/api/v1/statistics/overview")).isEqualTo("printer-service");
        assertThat(target("/api/v1/system/info")).isEqualTo("printer-service");
        assertThat(target("/api/v1/health")).isEqualTo("printer-service");
        assertThat(target("/api/bambu/printers")).isEqualTo("printer-service");
        assertThat(target("/ws")).isEqualTo("printer-service");
        assertThat(target("/api/auth/login")).isEqualTo("order-sync-service");
        assertThat(target("/api/orders")).isEqualTo("order-sync-service");
        assertThat(target("/api/orders/7/notes")).isEqualTo("order-sync-service");
        assertThat(target("/api/analytics/dashboard")).isEqualTo("order-sync-service");
        assertThat(target("/api/facility/production/produce")).isEqualTo("facility-sim-service");
    }

    @Test
    void prefixesMatchWholePathSegmentsOnly() {
        assertThat(routes.resolve("/api/v1/spoolsX")).isEmpty();
        assertThat(routes.resolve("/api/ordersheet")).isEmpty();
        assertThat(routes.resolve("/unknown")).isEmpty();
    }

    @Test
    void operationsEndpointsOfEachServiceAreReachableUnderServices() {
        Routes.Target target = routes.resolve("/services/inventory-service/q/health/ready").orElseThrow();
        assertThat(target.service().name()).isEqualTo("inventory-service");
        assertThat(target.path()).isEqualTo("/q/health/ready");
        assertThat(routes.resolve("/services/no-such-service/q/health")).isEmpty();
    }

    private String target(String uri) {
        return routes.resolve(uri).orElseThrow(() -> new AssertionError("no route for " + uri)).service().name();
    }
}
