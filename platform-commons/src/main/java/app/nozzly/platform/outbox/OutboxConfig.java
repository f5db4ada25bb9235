package app.nozzly.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "platform.outbox")
public interface OutboxConfig {

    /** The broker the relay publishes to: the same one the messaging channels use. */
    @WithName("bootstrap-servers")
    @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
    String bootstrapServers();

    /** How long published rows are kept for inspection before they are purged. */
    @WithDefault("P7D")
    Duration retention();

    Relay relay();

    interface Relay {
        @WithDefault("true")
        boolean enabled();

        /** Fallback poll; commits that write events wake the relay at once. */
        @WithDefault("500ms")
        Duration pollInterval();

        @WithDefault("500")
        int batchSize();

        @WithDefault("5s")
        Duration ackTimeout();

        @WithDefault("5s")
        Duration maxBackoff();
    }
}
