package app.nozzly.facilitysim.common;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpServerRequest;

/**
 * The language of this request (specs/004 "Language Support"): {@code ?lang=} first (the most explicit),
 * then the {@code x-lang} header, then {@code Accept-Language} by its q-values, else Chinese.
 */
@RequestScoped
public class LanguageResolver {

    @Inject
    HttpServerRequest request;

    private Lang resolved;

    public Lang lang() {
        if (resolved == null) {
            resolved = Lang.parse(request.getParam("lang"))
                    .or(() -> Lang.parse(request.getHeader("x-lang")))
                    .or(() -> fromAcceptLanguage(request.getHeader("Accept-Language")))
                    .orElse(Lang.DEFAULT);
        }
        return resolved;
    }

    public String text(Msg message, Object... args) {
        return message.text(lang(), args);
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
