package app.nozzly.k8s.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Validates the overlays of a k8s/ tree the way CI must: render with Kustomize, validate every object
 * against its schema, then apply the platform's rules (ARCHITECTURE.md, section Kubernetes: probes,
 * resources, HPA and PDB in prod, every gateway prefix and every topic present).
 */
public final class OverlayValidator {

    private final Expectations expectations;
    private final SchemaValidation schemas;

    public OverlayValidator(Expectations expectations, SchemaValidation schemas) {
        this.expectations = expectations;
        this.schemas = schemas;
    }

    /** The overlay directories of a k8s/ tree: every directory under overlays/ with a kustomization.yaml. */
    public static List<Path> overlays(Path k8sRoot) {
        try (Stream<Path> children = Files.list(k8sRoot.resolve("overlays"))) {
            return children.filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new ValidationException("cannot list overlays of " + k8sRoot, e);
        }
    }

    public Report validate(Path overlay) {
        String name = overlay.getFileName().toString();
        String rendered;
        try {
            rendered = Kustomize.render(overlay);
        } catch (Kustomize.RenderFailure e) {
            return new Report(name, 0, List.of("render: " + e.getMessage()));
        }
        Manifests manifests = Manifests.parse(rendered);
        List<String> problems = new ArrayList<>(schemas.validate(rendered));
        problems.addAll(UnknownFields.check(manifests));
        problems.addAll(PlatformRules.check(manifests, expectations, Profile.forOverlay(name)));
        return new Report(name, manifests.size(), problems);
    }
}
