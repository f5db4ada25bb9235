package app.nozzly.k8s.validation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's own application.properties (over the shared defaults of platform-commons) demands of
 * its Deployment and routes: the HTTP port it listens on, the settings it cannot start without (a
 * {@code ${NAME}} expression with no default), where Quarkus serves its health checks and Prometheus
 * metrics, and the non-application root (/q) that no public route may reach.
 */
public record ServiceConfig(String name, int httpPort, Set<String> requiredSettings, String nonApplicationRoot,
        Map<String, String> healthPaths, String metricsPath) {

    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([^}:]+)}");

    public ServiceConfig {
        requiredSettings = Set.copyOf(requiredSettings);
        healthPaths = Map.copyOf(healthPaths);
    }

    /**
     * The service configured by one application.properties, if it names an application and a port.
     *
     * @param inherited the shared defaults every service inherits (platform-commons)
     */
    static Optional<ServiceConfig> of(Properties properties, Properties inherited) {
        String name = properties.getProperty("quarkus.application.name");
        String port = properties.getProperty("quarkus.http.port");
        if (name == null || port == null) {
            return Optional.empty();
        }
        Set<String> required = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue;
            }
            Matcher m = REQUIRED.matcher(properties.getProperty(key));
            while (m.find()) {
                String referenced = m.group(1);
                // quarkus.* (quarkus.uuid, quarkus.application.name...) is always provided by Quarkus itself
                if (!properties.containsKey(referenced) && !inherited.containsKey(referenced) && !referenced.startsWith("quarkus.")) {
                    required.add(environmentName(referenced));
                }
            }
        }
        // Quarkus' defaults; a relative path is resolved against the one above it, an absolute one stands alone
        String root = setting(properties, inherited, "quarkus.http.root-path", "/");
        String nonApplication = resolve(root, setting(properties, inherited, "quarkus.http.non-application-root-path", "q"));
        String health = resolve(nonApplication, setting(properties, inherited, "quarkus.smallrye-health.root-path", "health"));
        Map<String, String> probes = Map.of(
                "startupProbe", resolve(health, setting(properties, inherited, "quarkus.smallrye-health.startup-path", "started")),
                "readinessProbe", resolve(health, setting(properties, inherited, "quarkus.smallrye-health.readiness-path", "ready")),
                "livenessProbe", resolve(health, setting(properties, inherited, "quarkus.smallrye-health.liveness-path", "live")));
        String metrics = resolve(nonApplication, setting(properties, inherited, "quarkus.micrometer.export.prometheus.path", "metrics"));
        return Optional.of(new ServiceConfig(name.strip(), Integer.parseInt(port.strip()), required, nonApplication, probes, metrics));
    }

    /** The paths of a service whose application.properties the validator does not know: Quarkus' defaults. */
    static ServiceConfig defaults(String name, int httpPort) {
        return of(properties(name, httpPort), new Properties()).orElseThrow();
    }

    /** MicroProfile Config's environment form of a property name: ETSY_KEYSTRING for etsy.keystring. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Properties properties(String name, int httpPort) {
        Properties properties = new Properties();
        properties.setProperty("quarkus.application.name", name);
        properties.setProperty("quarkus.http.port", Integer.toString(httpPort));
        return properties;
    }

    private static String setting(Properties properties, Properties inherited, String key, String quarkusDefault) {
        return properties.getProperty(key, inherited.getProperty(key, quarkusDefault)).strip();
    }

    private static String resolve(String base, String path) {
        String resolved = path.startsWith("/") ? path : (base.endsWith("/") ? base : base + "/") + path;
        return resolved.length() > 1 && resolved.endsWith("/") ? resolved.substring(0, resolved.length() - 1) : resolved;
    }
}
