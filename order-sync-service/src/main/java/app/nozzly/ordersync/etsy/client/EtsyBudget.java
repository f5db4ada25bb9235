package app.nozzly.ordersync.etsy.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.Response;

import app.nozzly.ordersync.config.EtsyConfig;
import app.nozzly.ordersync.etsy.repository.EtsyRequestBudget;

/**
 * Etsy's rate limit is per API key, so every replica and every shop spends from one per-second and one per-day
 * budget in Postgres. A call over budget never leaves: it ends as a 429 with retry-after, which
 * {@link EtsyErrors} and the retry policy of {@link EtsyApi} treat like Etsy's own. Etsy's x-remaining-* headers
 * bring our count in line with Etsy's.
 */
@ApplicationScoped
public class EtsyBudget implements ClientRequestFilter, ClientResponseFilter {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration DAY = Duration.ofDays(1);

    @Inject
    EtsyRequestBudget budget;

    @Inject
    EtsyConfig config;

    @Override
    public void filter(ClientRequestContext request) {
        EtsyRequestBudget.Spent second = budget.spend(key() + ":second", config.ratePerSecond(), SECOND);
        if (!second.allowed()) {
            request.abortWith(refusal(second, "this second's share of the Etsy API key's "
                    + config.ratePerSecond() + " requests per second is spent"));
            return;
        }
        EtsyRequestBudget.Spent day = budget.spend(key() + ":day", config.ratePerDay(), DAY);
        if (!day.allowed()) {
            request.abortWith(refusal(day, "the Etsy API key's daily budget of " + config.ratePerDay()
                    + " requests is spent until " + Instant.ofEpochSecond(day.resetEpochSeconds())));
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        header(response, "x-remaining-this-second").ifPresent(remaining -> budget.observeRemaining(key() + ":second",
                header(response, "x-limit-per-second").orElse(config.ratePerSecond()), SECOND, remaining));
        header(response, "x-remaining-today").ifPresent(remaining -> budget.observeRemaining(key() + ":day",
                header(response, "x-limit-per-day").orElse(config.ratePerDay()), DAY, remaining));
    }

    private String key() {
        return "etsy:" + config.keystring();
    }

    private static Response refusal(EtsyRequestBudget.Spent decision, String reason) {
        return Response.status(429, reason).header("retry-after", String.valueOf(decision.retryAfterSeconds()))
                .build();
    }

    private static Optional<Integer> header(ClientResponseContext response, String name) {
        try {
            return Optional.ofNullable(response.getHeaderString(name)).map(String::trim).map(Integer::parseInt);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
