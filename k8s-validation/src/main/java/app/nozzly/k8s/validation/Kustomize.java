package app.nozzly.k8s.validation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Renders a Kustomize directory exactly as an operator's {@code kubectl apply -k} would, but offline:
 * {@code kubectl kustomize} (in the machine image) or a standalone {@code kustomize build}. Neither
 * contacts a cluster; KUBECONFIG points nowhere so that nothing could.
 */
public final class Kustomize {

    /** Why a directory did not render, as Kustomize said it. */
    public static final class RenderFailure extends Exception {

        private static final long serialVersionUID = 1L;

        RenderFailure(String message) {
            super(message);
        }
    }

    private Kustomize() {
    }

    public static String render(Path directory) throws RenderFailure {
        List<String> command = command(directory);
        Processes.Result result = Processes.run(command, directory, Map.of("KUBECONFIG", "/dev/null"), "");
        if (result.exitCode() != 0) {
            throw new RenderFailure(result.stderr().strip());
        }
        return result.stdout();
    }

    private static List<String> command(Path directory) {
        String dir = directory.toAbsolutePath().toString();
        String override = System.getProperty("nozzly.kustomize");
        if (override != null && !override.isBlank()) {
            return List.of(override, "build", dir);
        }
        return Processes.onPath("kubectl")
                .map(kubectl -> List.of(kubectl.toString(), "kustomize", dir))
                .or(() -> Processes.onPath("kustomize").map(kustomize -> List.of(kustomize.toString(), "build", dir)))
                .orElseThrow(() -> new ValidationException(
                        "neither kubectl nor kustomize is on PATH: install kubectl (apt-get install kubectl) "
                                + "or set -Dnozzly.kustomize=/path/to/kustomize"));
    }
}
