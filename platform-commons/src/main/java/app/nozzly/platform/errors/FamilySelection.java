package app.nozzly.platform.errors;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.eclipse.microprofile.config.Config;

/**
 * Which error family answers a path: the family of the longest configured prefix the path starts with
 * ({@code platform.errors.families."<prefix>"}), else {@code platform.errors.default-family}.
 */
public record FamilySelection(String fallback, List<Map.Entry<String, String>> byPrefix) {

    private static final String PREFIX = "platform.errors.families.";

    public static FamilySelection of(String fallback, Map<String, String> prefixes) {
        return new FamilySelection(fallback, prefixes.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .toList());
    }

    /** From raw configuration, where no config mapping exists (the OpenAPI build step). */
    public static FamilySelection of(Config config) {
        Map<String, String> prefixes = StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith(PREFIX))
                .collect(java.util.stream.Collectors.toMap(name -> name.substring(PREFIX.length()).replace("\"", ""),
                        name -> config.getValue(name, String.class)));
        return of(config.getOptionalValue("platform.errors.default-family", String.class).orElse("problem"),
                prefixes);
    }

    public String familyOf(String path) {
        return byPrefix.stream().filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse(fallback);
    }
}
