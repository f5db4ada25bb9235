package app.nozzly.k8s.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the manifests must contain, read from the repository itself: the gateway route map and the
 * Events table of README.md, the consumers' dead-letter topics, every topic a service's
 * application.properties names (channel topics and dead-letter topics), and the WebSocket paths among
 * the routes.
 */
public record Expectations(Map<String, String> routes, Map<String, String> topics, Map<String, ServiceConfig> services,
        Map<String, List<String>> calls, Map<String, String> websockets) {

    private static final Pattern CHANNEL_KEY = Pattern.compile("^mp\\.messaging\\.(incoming|outgoing)\\.([^.\"]+|\"[^\"]+\")\\.(.+)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    public Expectations {
        routes = Map.copyOf(routes);
        topics = Map.copyOf(topics);
        services = Map.copyOf(services);
        calls = Map.copyOf(calls);
        websockets = Map.copyOf(websockets);
    }

    /** The service's configuration, or Quarkus' defaults for a service whose application.properties is unknown. */
    public ServiceConfig service(String name, int httpPort) {
        return services.getOrDefault(name, ServiceConfig.defaults(name, httpPort));
    }

    /** Whether {@code caller} makes REST calls to {@code callee}. */
    public boolean calls(String caller, String callee) {
        return calls.getOrDefault(caller, List.of()).contains(callee);
    }

    /**
     * Reads the expectations of the repository at {@code root}.
     *
     * @return routes: prefix to owning service; topics: topic name to the reason it must exist; websockets:
     *         path to the service that upgrades it
     */
    public static Expectations fromRepository(Path root) {
        String readme = read(root.resolve("README.md"));
        Map<String, String> routes = new LinkedHashMap<>();
        for (List<String> row : table(readme, "## Gateway route map")) {
            for (String prefix : row.get(0).split(",")) {
                routes.put(prefix.strip(), row.get(1).strip());
            }
        }
        Map<String, String> topics = new TreeMap<>();
        for (List<String> row : table(readme, "## Events")) {
            topics.put(row.get(0).strip(), "README.md Events table (producer " + row.get(row.size() - 1).strip() + ")");
        }
        fixture("consumers.properties").forEach((service, consumed) -> {
            for (String topic : consumed) {
                topics.put("dlq." + service + "." + topic, "dead letters of " + service + " consuming " + topic);
            }
        });
        serviceTopics(root).forEach(topics::putIfAbsent);
        Map<String, ServiceConfig> services = new TreeMap<>();
        Path commons = root.resolve("platform-commons/src/main/resources/META-INF/microprofile-config.properties");
        Properties inherited = Files.isRegularFile(commons) ? load(read(commons)) : new Properties();
        for (Properties config : serviceConfigs(root)) {
            ServiceConfig.of(config, inherited).ifPresent(service -> services.put(service.name(), service));
        }
        if (routes.isEmpty() || topics.isEmpty()) {
            throw new ValidationException("README.md at " + root + " has no gateway route map or Events table");
        }
        Map<String, String> websockets = new TreeMap<>();
        fixture("websockets.properties").forEach((path, service) -> websockets.put(path, service.get(0)));
        return new Expectations(routes, topics, services, fixture("service-calls.properties"), websockets);
    }

    /** The rows of the first Markdown table after a heading, header and separator excluded. */
    static List<List<String>> table(String markdown, String heading) {
        List<List<String>> rows = new ArrayList<>();
        int start = markdown.indexOf("\n" + heading + "\n");
        if (start < 0) {
            return rows;
        }
        boolean inTable = false;
        int header = 0;
        for (String line : markdown.substring(start + heading.length() + 2).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("|")) {
                inTable = true;
                if (header++ < 2) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (String cell : trimmed.substring(1, trimmed.length() - 1).split("\\|")) {
                    cells.add(cell.strip().replace("`", ""));
                }
                rows.add(cells);
            } else if (inTable || trimmed.startsWith("#")) {
                break;
            }
        }
        return rows;
    }

    /** A validator fixture of the form {@code service=a,b,c}. */
    private static Map<String, List<String>> fixture(String name) {
        Properties properties = new Properties();
        try (InputStream in = Expectations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new ValidationException(name + " is missing from the validator");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new ValidationException(name + " is unreadable", e);
        }
        Map<String, List<String>> entries = new TreeMap<>();
        for (String service : properties.stringPropertyNames()) {
            entries.put(service, Stream.of(properties.getProperty(service).split(",")).map(String::strip).toList());
        }
        return entries;
    }

    /** Topics named by the messaging channels in {@code <module>/src/main/resources/application.properties}. */
    static Map<String, String> serviceTopics(Path root) {
        Map<String, String> topics = new TreeMap<>();
        for (Path config : applicationProperties(root)) {
            channelTopics(read(config)).forEach(topic -> topics.put(topic,
                    "messaging channel of " + root.relativize(config).getName(0) + " (application.properties)"));
        }
        return topics;
    }

    private static List<Properties> serviceConfigs(Path root) {
        List<Properties> configs = new ArrayList<>();
        for (Path config : applicationProperties(root)) {
            configs.add(load(read(config)));
        }
        return configs;
    }

    private static List<Path> applicationProperties(Path root) {
        try (Stream<Path> modules = Files.list(root)) {
            return modules.sorted()
                    .map(module -> module.resolve("src/main/resources/application.properties"))
                    .filter(Files::isRegularFile)
                    .toList();
        } catch (IOException e) {
            throw new ValidationException("cannot list modules of " + root, e);
        }
    }

    private static Properties load(String propertiesText) {
        Properties properties = new Properties();
        try (Reader reader = new StringReader(propertiesText)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ValidationException("unreadable application.properties", e);
        }
        return properties;
    }

    /** Kafka topics of the SmallRye Reactive Messaging channels configured in one properties file. */
    static Set<String> channelTopics(String propertiesText) {
        Properties properties = load(propertiesText);
        Map<String, Map<String, String>> channels = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher m = CHANNEL_KEY.matcher(key);
            if (m.matches()) {
                channels.computeIfAbsent(m.group(2).replace("\"", ""), c -> new TreeMap<>())
                        .put(m.group(3), resolve(properties.getProperty(key), properties));
            }
        }
        Set<String> topics = new TreeSet<>();
        channels.forEach((channel, settings) -> {
            if (!"smallrye-kafka".equals(settings.get("connector"))) {
                return;
            }
            topics.add(settings.getOrDefault("topic", channel));
            if ("dead-letter-queue".equals(settings.get("failure-strategy"))) {
                // SmallRye's default when no dead-letter topic is named
                topics.add(settings.getOrDefault("dead-letter-queue.topic", "dead-letter-topic-" + channel));
            }
        });
        return topics;
    }

    private static String resolve(String value, Properties properties) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (m.find()) {
            String replacement = properties.getProperty(m.group(1), m.group(2) == null ? m.group() : m.group(2));
            m.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(resolved);
        return resolved.toString().strip();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ValidationException("cannot read " + file, e);
        }
    }
}
