package app.nozzly.k8s.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * k8s/ is the one source of Kubernetes manifests (ARCHITECTURE.md, "Kubernetes": what an operator
 * applies): no module generates Deployments of its own beside it, and images still build with Jib.
 */
class ManifestSourceTest {

    @Test
    void noModuleGeneratesManifestsOfItsOwn() throws IOException {
        List<Path> modules;
        try (Stream<Path> children = Files.list(Repository.root())) {
            modules = children.filter(m -> Files.isRegularFile(m.resolve("pom.xml"))).sorted().toList();
        }
        assertThat(modules).isNotEmpty();
        for (Path module : modules) {
            assertThat(Files.readString(module.resolve("pom.xml"))).as(module + "/pom.xml")
                    .doesNotContain("<artifactId>quarkus-kubernetes</artifactId>")
                    .doesNotContain("<artifactId>quarkus-openshift</artifactId>");
            assertThat(module.resolve("src/main/kubernetes")).as("manifest fragments of " + module.getFileName()).doesNotExist();
            Path properties = module.resolve("src/main/resources/application.properties");
            if (Files.isRegularFile(properties)) {
                assertThat(Files.readString(properties)).as(properties.toString()).doesNotContain("quarkus.kubernetes.");
            }
        }
    }

    @Test
    void servicesStillBuildImagesWithJib() throws IOException {
        assertThat(Files.readString(Repository.root().resolve("platform-commons/pom.xml")))
                .contains("<artifactId>quarkus-container-image-jib</artifactId>");
    }
}
