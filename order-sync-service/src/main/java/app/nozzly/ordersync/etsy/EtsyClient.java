package app.nozzly.ordersync.etsy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import app.nozzly.ordersync.config.EtsyConfig;
import app.nozzly.ordersync.ratelimit.RateLimiter;

/**
 * Etsy Open API v3 over HTTP: {@code x-api-key KEYSTRING:SECRET} on every call, the OAuth token endpoint
 * (retried through its occasional 500), and application calls that spend from the key's per-second and
 * per-day budget in Postgres (shared by replicas), follow Etsy's x-remaining-* headers and wait out a 429.
 */
@ApplicationScoped
public class EtsyClient {

    private static final Logger LOG = Logger.getLogger(EtsyClient.class);
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final ObjectMapper json = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Inject
    EtsyConfig config;

    @Inject
    RateLimiter budget;

    private HttpClient http;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
    }

    public EtsyModels.Tokens exchangeCode(String code, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", config.keystring());
        form.put("redirect_uri", config.redirectUri());
        form.put("code", code);
        form.put("code_verifier", codeVerifier);
        return token(form);
    }

    public EtsyModels.Tokens refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", config.keystring());
        form.put("refresh_token", refreshToken);
        return token(form);
    }

    /** GET an application resource with the shop's access token; query values are already strings. */
    public <T> T get(String path, Map<String, String> query, String accessToken, Class<T> type) {
        String url = config.apiBaseUrl() + path + (query.isEmpty() ? "" : "?" + form(query));
        for (int attempt = 1;; attempt++) {
            acquireBudget();
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(config.requestTimeout())
                    .header("x-api-key", config.keystring() + ":" + config.sharedSecret())
                    .header("Authorization", "Bearer " + accessToken)
                    .header("Accept", "application/json").GET().build(), path);
            observeBudget(response);
            int status = response.statusCode();
            if (status == 200) {
                return read(response.body(), type, path);
            }
            boolean retryable = status == 429 || status >= 500;
            if (!retryable || attempt >= config.maxAttempts()) {
                throw new EtsyException(status, "Etsy answered " + status + " to GET " + path + ": "
                        + errorOf(response.body()));
            }
            Duration wait = status == 429 ? retryAfter(response) : backoff(attempt);
            LOG.debugf("Etsy answered %s to GET %s, retrying in %s ms", String.valueOf(status), path, wait.toMillis());
            sleep(wait);
        }
    }

    private EtsyModels.Tokens token(Map<String, String> form) {
        String body = form(form);
        for (int attempt = 1;; attempt++) {
            HttpResponse<String> response;
            try {
                response = send(HttpRequest.newBuilder(URI.create(config.apiBaseUrl() + "/v3/public/oauth/token"))
                        .timeout(config.requestTimeout())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("x-api-key", config.keystring() + ":" + config.sharedSecret())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), "/v3/public/oauth/token");
            } catch (EtsyException unreachable) {
                if (attempt >= config.maxAttempts()) {
                    throw unreachable;
                }
                sleep(backoff(attempt));
                continue;
            }
            int status = response.statusCode();
            if (status == 200) {
                return read(response.body(), EtsyModels.Tokens.class, "/v3/public/oauth/token");
            }
            if (status < 500 && status != 429 || attempt >= config.maxAttempts()) {
                throw new EtsyException(status, "Etsy's token endpoint answered " + status + " to grant "
                        + form.get("grant_type") + ": " + errorOf(response.body()));
            }
            LOG.debugf("Etsy's token endpoint answered %d (attempt %d), retrying", status, attempt);
            sleep(status == 429 ? retryAfter(response) : backoff(attempt));
        }
    }

    /** Waits for a slot of this second and counts the day; over the day's budget the call is refused. */
    private void acquireBudget() {
        String key = "etsy:" + config.keystring();
        while (true) {
            RateLimiter.Decision second = budget.hit(key + ":second", config.ratePerSecond(), SECOND);
            if (second.allowed()) {
                break;
            }
            sleep(Duration.ofMillis(Math.max(20, second.resetEpochSeconds() * 1000 - System.currentTimeMillis())));
        }
        RateLimiter.Decision day = budget.hit(key + ":day", config.ratePerDay(), DAY);
        if (!day.allowed()) {
            throw new EtsyException(429, "the Etsy API key's daily budget of " + config.ratePerDay()
                    + " requests is spent; the sync resumes after " + java.time.Instant.ofEpochSecond(
                            day.resetEpochSeconds()));
        }
    }

    private void observeBudget(HttpResponse<String> response) {
        String key = "etsy:" + config.keystring();
        header(response, "x-remaining-this-second").ifPresent(remaining -> budget.observeRemaining(key + ":second",
                header(response, "x-limit-per-second").orElse(config.ratePerSecond()), SECOND, remaining));
        header(response, "x-remaining-today").ifPresent(remaining -> budget.observeRemaining(key + ":day",
                header(response, "x-limit-per-day").orElse(config.ratePerDay()), DAY, remaining));
    }

    private static Optional<Integer> header(HttpResponse<String> response, String name) {
        try {
            return response.headers().firstValue(name).map(String::trim).map(Integer::parseInt);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return header(response, "retry-after").map(s -> Duration.ofSeconds(Math.max(1, s))).orElse(SECOND);
    }

    private static Duration backoff(int attempt) {
        return Duration.ofMillis(Math.min(4000, 100L << Math.min(attempt, 6)));
    }

    private HttpResponse<String> send(HttpRequest request, String path) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new EtsyException("Etsy could not be reached for " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EtsyException("interrupted while calling Etsy " + path, e);
        }
    }

    private <T> T read(String body, Class<T> type, String path) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new EtsyException(502, "Etsy's answer to " + path + " is not a " + type.getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    private String errorOf(String body) {
        try {
            JsonNode node = json.readTree(body);
            String error = node.path("error").asText("");
            String description = node.path("error_description").asText("");
            return description.isEmpty() ? error : error + " (" + description + ")";
        } catch (IOException e) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EtsyException("interrupted while waiting for Etsy's rate limit", e);
        }
    }
}
