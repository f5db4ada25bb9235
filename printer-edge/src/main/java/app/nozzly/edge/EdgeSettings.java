package app.nozzly.edge;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Properties;

import app.nozzly.printer.edge.EdgeProtocol;

/**
 * The agent's settings: one properties file, each key overridable by the system property
 * {@code nozzly.edge.<key>}.
 *
 * @param serverUrl          printer-service behind the gateway (http or https); the WebSocket's ws/wss follows it
 * @param enrollmentCode     the one-time code used when no credential is stored yet, null when none
 * @param stateDir           where the credential is kept
 * @param caFile             an extra CA to trust for the server, null for the system's CAs only
 * @param reportsPerPrinter  reports kept per printer while the server is unreachable
 * @param maxBackoff         the longest wait between two connection attempts (server and printers)
 */
public record EdgeSettings(URI serverUrl, String enrollmentCode, String agentName, Path stateDir, Path caFile,
        int reportsPerPrinter, Duration maxBackoff) {

    public static final Path DEFAULT_FILE = Path.of("/etc/nozzly-edge/edge.properties");
    static final String PREFIX = "nozzly.edge.";

    /** Reads {@code file} (it may be missing when every key comes from system properties). */
    public static EdgeSettings load(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new InvalidSettingsException("cannot read " + file + ": " + e.getMessage());
            }
        } else if (System.getProperty(PREFIX + "server.url") == null) {
            throw new InvalidSettingsException("settings file " + file + " not found");
        }
        return from(properties);
    }

    static EdgeSettings from(Properties file) {
        String server = value(file, "server.url", null);
        if (server == null) {
            throw new InvalidSettingsException("server.url is not set");
        }
        URI serverUrl = URI.create(server.replaceAll("/+$", ""));
        if (!"http".equals(serverUrl.getScheme()) && !"https".equals(serverUrl.getScheme())) {
            throw new InvalidSettingsException("server.url must be an http or https URL, not " + server);
        }
        String caFile = value(file, "tls.ca-file", null);
        return new EdgeSettings(serverUrl, value(file, "enrollment.code", null),
                value(file, "agent.name", hostName()), Path.of(value(file, "state.dir", "/var/lib/nozzly-edge")),
                caFile == null ? null : Path.of(caFile),
                positive(value(file, "buffer.reports-per-printer", "1000"), "buffer.reports-per-printer"),
                duration(value(file, "reconnect.max-backoff", "30s"), "reconnect.max-backoff"));
    }

    /** The WebSocket URL of the agents' endpoint: ws for http, wss for https. */
    public URI connectUrl() {
        String scheme = "https".equals(serverUrl.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + serverUrl.toString().substring(serverUrl.getScheme().length())
                + EdgeProtocol.PATH);
    }

    public URI enrollUrl() {
        return URI.create(serverUrl + "/api/v1/agents/enroll");
    }

    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String name = System.getenv("HOSTNAME");
            return name == null || name.isBlank() ? "edge-agent" : name;
        }
    }

    private static String value(Properties file, String key, String fallback) {
        String value = System.getProperty(PREFIX + key, file.getProperty(key));
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int positive(String value, String key) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the key's name
        }
        throw new InvalidSettingsException(key + " must be a positive number, not " + value);
    }

    /** "30s", "500ms", "2m" or an ISO-8601 duration ("PT30S"). */
    static Duration duration(String value, String key) {
        String text = value.toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("pt")) {
                return Duration.parse(text);
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            switch (text.charAt(text.length() - 1)) {
                case 's':
                    return Duration.ofSeconds(amount);
                case 'm':
                    return Duration.ofMinutes(amount);
                case 'h':
                    return Duration.ofHours(amount);
                default:
                    break;
            }
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            // reported below with the key's name
        }
        throw new InvalidSettingsException(key + " must be a duration such as 30s or 500ms, not " + value);
    }

    /** A setting is missing or malformed: the agent cannot start. */
    public static final class InvalidSettingsException extends RuntimeException {

        public InvalidSettingsException(String message) {
            super(message);
        }
    }
}
