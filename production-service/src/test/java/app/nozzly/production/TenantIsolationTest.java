package app.nozzly.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Tenants are kept apart by Postgres itself: a statement that names no tenant still sees and writes only its own. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class TenantIsolationTest {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Test
    void aStatementNamingNoTenantSeesAndChangesOnlyItsSessionsTenant() {
        String owner = "iso-" + UUID.randomUUID();
        String other = "iso-" + UUID.randomUUID();
        String counter = "counter-" + UUID.randomUUID();
        tenants.callAs(owner, () -> sql("insert into production_sequence (tenant_id, name, value) values ('" + owner
                + "', '" + counter + "', 7)"));

        assertThat(tenants.callAs(other, () -> count(counter))).isZero();
        assertThat(tenants.callAs(other, () -> sql("update production_sequence set value = 0 where name = '" + counter
                + "'"))).isZero();
        assertThat(tenants.callAs(other, () -> sql("delete from production_sequence where name = '" + counter + "'")))
                .isZero();
        assertThatThrownBy(() -> tenants.callAs(other, () -> sql("insert into production_sequence (tenant_id, name,"
                + " value) values ('" + owner + "', 'planted', 1)"))).hasStackTraceContaining("row-level security");
        assertThat(count(counter)).as("a session without a tenant").isZero();

        assertThat(tenants.callAs(owner, () -> count(counter))).isOne();
    }

    private int sql(String statement) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(statement).executeUpdate());
    }

    private long count(String counter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from production_sequence where name = ?1").setParameter(1, counter)
                .getSingleResult()).longValue());
    }
}
