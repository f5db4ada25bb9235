package app.nozzly.production;

import app.nozzly.testing.PlatformInfraResource;
import app.nozzly.testing.ServiceContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class PlatformContractTest extends ServiceContract {
}
