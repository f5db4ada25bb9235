package app.nozzly.facilitysim.common;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The language of this request (specs/004 "Language Support"): {@code ?lang=} first (the most explicit), then the
 * {@code x-lang} header, then {@code Accept-Language} by its q-values, else Chinese. Resolved once per request,
 * before security and JAX-RS, so that every answer speaks it: success messages, Bean Validation reasons and errors
 * rendered outside JAX-RS alike.
 */
@ApplicationScoped
public class LanguageResolver {

    private static final String KEY = "facility.lang";

    /** Right after the request id, before authentication and every failure handler. */
    void register(@Observes Router router) {
        router.route().order(-990).handler(this::resolve);
    }

    void resolve(RoutingContext context) {
        ContextLocals.put(KEY, of(context.request()));
        context.next();
    }

    /** The language of the request in progress; Chinese outside one. */
    public static Lang current() {
        if (Vertx.currentContext() == null) {
            return Lang.DEFAULT;
        }
        return ContextLocals.<Lang>get(KEY).orElse(Lang.DEFAULT);
    }

    public Lang lang() {
        return current();
    }

    public String text(Msg message, Object... args) {
        return message.text(current(), args);
    }

    static Lang of(HttpServerRequest request) {
        return Lang.parse(request.getParam("lang"))
                .or(() -> Lang.parse(request.getHeader("x-lang")))
                .or(() -> fromAcceptLanguage(request.getHeader("Accept-Language")))
                .orElse(Lang.DEFAULT);
    }

    static Optional<Lang> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        return Arrays.stream(header.split(","))
                .map(LanguageResolver::range)
                .filter(r -> r.quality() > 0 && r.lang().isPresent())
                .max(Comparator.comparingDouble(Range::quality))
                .flatMap(Range::lang);
    }

    private static Range range(String part) {
        String[] pieces = part.trim().split(";");
        double quality = 1.0;
        for (int i = 1; i < pieces.length; i++) {
            String p = pieces[i].trim();
            if (p.startsWith("q=")) {
                try {
                    quality = Double.parseDouble(p.substring(2));
                } catch (NumberFormatException e) {
                    quality = 0;
                }
            }
        }
        return new Range(Lang.parse(pieces[0]), quality);
    }

    private record Range(Optional<Lang> lang, double quality) {
    }
}
