package app.nozzly.platform.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * A service's rate limits, all in configuration:
 * <pre>
 * platform.rate-limit.rules.status-reads.paths=/api/v1/printers
 * platform.rate-limit.rules.status-reads.methods=GET
 * platform.rate-limit.rules.status-reads.limit=120
 * platform.rate-limit.rules.status-reads.window=1m
 * platform.rate-limit.rules.status-reads.key=client
 * </pre>
 * A rule with {@code paths} counts every request below them; one without counts the endpoints annotated
 * {@code @RateLimited("rule")}.
 */
@ConfigMapping(prefix = "platform.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    Map<String, Rule> rules();

    interface Rule {

        /** Path prefixes whose requests count; absent: the endpoints annotated with this rule's name. */
        Optional<List<String>> paths();

        /** The HTTP methods that count; absent: every method. */
        Optional<List<String>> methods();

        int limit();

        Duration window();

        /** Whose budget a request spends; always within its tenant. */
        @WithDefault("user")
        Key key();
    }

    /** Who a budget belongs to. */
    enum Key {
        /** The client's address, as the gateway saw it. */
        CLIENT,
        /** The token's subject. */
        USER,
        /** The whole tenant. */
        TENANT,
        /** The token's team_id (specs/004), else its subject. */
        TEAM
    }
}
