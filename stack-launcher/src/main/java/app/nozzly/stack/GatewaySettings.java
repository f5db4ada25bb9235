package app.nozzly.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import app.nozzly.gateway.CorsPolicy;
import app.nozzly.gateway.GatewayConfig;
import app.nozzly.gateway.RouteMap;

/**
 * The local gateway's configuration: the route map of {@link Service}, the services on this machine's ports, and
 * the settings of gateway.properties (this module's defaults, overridden key by key by .stack/gateway.properties).
 */
final class GatewaySettings {

    private GatewaySettings() {
    }

    static GatewayConfig config(List<Service> services, Ports ports, Path home) throws IOException {
        Properties settings = settings(home.resolve("gateway.properties"));
        CorsPolicy defaultCors = cors(settings.getProperty("cors.origins", ""));
        GatewayConfig.Builder builder = GatewayConfig.builder()
                .listen(settings.getProperty("listen.host", "127.0.0.1"), ports.gateway())
                .timeouts(new GatewayConfig.Timeouts(duration(settings, "timeouts.connect"),
                        duration(settings, "timeouts.response"), duration(settings, "timeouts.client-idle")))
                .limits(new GatewayConfig.Limits(integer(settings, "limits.pool-size"),
                        integer(settings, "limits.pool-wait-queue"), integer(settings, "limits.in-flight-per-client"),
                        integer(settings, "limits.websockets"), integer(settings, "limits.websockets-per-client"),
                        Long.parseLong(required(settings, "limits.max-body-bytes"))))
                .accessLog(home.resolve("logs").resolve("gateway-access.log"));
        for (Service service : services) {
            builder.upstream(service.name(), new GatewayConfig.Endpoint("127.0.0.1", ports.of(service)));
        }
        for (RouteMap.Entry route : RouteMap.ALL) {
            String origins = settings.getProperty("cors.origins." + route.prefix());
            builder.route(route.prefix(), route.service(), route.family(), origins == null ? defaultCors : cors(origins));
        }
        return builder.build();
    }

    private static Properties settings(Path overrides) throws IOException {
        Properties settings = new Properties();
        try (InputStream defaults = GatewaySettings.class.getResourceAsStream("/gateway.properties")) {
            if (defaults == null) {
                throw new IllegalStateException("gateway.properties missing from the stack launcher");
            }
            settings.load(new java.io.InputStreamReader(defaults, StandardCharsets.UTF_8));
        }
        if (Files.exists(overrides)) {
            try (Reader reader = Files.newBufferedReader(overrides, StandardCharsets.UTF_8)) {
                settings.load(reader);
            }
        }
        return settings;
    }

    private static CorsPolicy cors(String origins) {
        Set<String> allowed = Arrays.stream(origins.split(",")).map(String::trim).filter(o -> !o.isEmpty())
                .collect(Collectors.toSet());
        return allowed.isEmpty() ? CorsPolicy.none() : CorsPolicy.allowing(allowed);
    }

    /** 250ms, 2s, 5m or 1h. */
    static Duration duration(Properties settings, String key) {
        String value = required(settings, key);
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException(key + " must end in ms, s, m or h: " + value);
        };
    }

    private static int integer(Properties settings, String key) {
        return Integer.parseInt(required(settings, key));
    }

    private static String required(Properties settings, String key) {
        String value = settings.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("gateway.properties has no " + key);
        }
        return value.trim();
    }
}
