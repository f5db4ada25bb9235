package app.nozzly.platform.errors;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Control characters (NUL among them) in a path or query value answer 400 before any resource runs: ids and
 * filters reach SQL as text, and Postgres refuses NUL with an error of its own.
 */
public class InputGuard {

    @Inject
    ErrorResponses errors;

    @ServerRequestFilter(preMatching = true)
    public Response refuseControlCharacters(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (hasControl(path)) {
            return errors.render(path, 400, ErrorCodes.VALIDATION_ERROR,
                    "the path must not contain control characters", Map.of());
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (hasControl(parameter.getKey()) || parameter.getValue().stream().anyMatch(InputGuard::hasControl)) {
                return errors.render(path, 400, ErrorCodes.VALIDATION_ERROR, "query parameter "
                        + printable(parameter.getKey()) + " must not contain control characters", Map.of());
            }
        }
        return null;
    }

    static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }
}
