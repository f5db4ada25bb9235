package app.nozzly.k8s.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's own application.properties demands of its Deployment: the HTTP port it listens on
 * and the settings it cannot start without (a {@code ${NAME}} expression with no default).
 */
public record ServiceConfig(String name, int httpPort, Set<String> requiredSettings) {

    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([^}:]+)}");

    public ServiceConfig {
        requiredSettings = Set.copyOf(requiredSettings);
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
        return Optional.of(new ServiceConfig(name.strip(), Integer.parseInt(port.strip()), required));
    }

    /** MicroProfile Config's environment form of a property name: ETSY_KEYSTRING for etsy.keystring. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
