package app.nozzly.testing;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts {@link OpenApiContract} in front of every REST-assured call of every test. Registered through JUnit's
 * extension auto-detection (META-INF/services; the parent pom turns auto-detection on). A {@code @QuarkusTest}
 * runs in Quarkus' class loader with a REST-assured of its own, so the filter is installed in the loader of the
 * test instance.
 */
public class OpenApiContractExtension implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) throws ReflectiveOperationException {
        ClassLoader loader = context.getRequiredTestInstance().getClass().getClassLoader();
        loader.loadClass(OpenApiContract.class.getName()).getMethod("install").invoke(null);
    }
}
