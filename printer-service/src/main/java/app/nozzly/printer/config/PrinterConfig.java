package app.nozzly.printer.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** printer-service settings (prefix {@code printer}). */
@ConfigMapping(prefix = "printer")
public interface PrinterConfig {

    Connection connection();

    Bambu bambu();

    Prusa prusa();

    Queue queue();

    Webhooks webhooks();

    Files files();

    RateLimit rateLimit();

    Costs costs();

    LocalMode localMode();

    interface Connection {
        /** A printer that sent nothing for this long is offline (<= 30 s). */
        @WithDefault("20s")
        Duration offlineAfter();

        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** Connect to printers at startup and when they are added (off only for tests that need no printers). */
        @WithDefault("true")
        boolean enabled();
    }

    interface Bambu {
        /** PEM file of the CA that signs Bambu printer certificates, used when a printer has no CA of its own. */
        Optional<String> caFile();

        @WithDefault("8883")
        int mqttPort();

        @WithDefault("990")
        int ftpsPort();
    }

    interface Prusa {
        @WithDefault("maker")
        String defaultUsername();

        @WithDefault("2s")
        Duration pollInterval();
    }

    interface Queue {
        @WithDefault("2s")
        Duration dispatchInterval();
    }

    interface Webhooks {
        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("10m")
        Duration maxBackoff();

        @WithDefault("10")
        int maxAttempts();

        @WithDefault("5s")
        Duration timeout();
    }

    interface Files {
        /** Where files downloaded from printers and uploaded locally are kept. */
        @WithDefault("data/files")
        String storageDir();

        @WithDefault("10m")
        Duration syncInterval();

        /** Printer files up to this size are read when first seen, for their slicer metadata and preview. */
        @WithDefault("32M")
        MemorySize readLimit();
    }

    /**
     * specs/003 "Rate Limiting" limits that count what is open, not requests per window (those are
     * platform.rate-limit.rules in application.properties).
     */
    interface RateLimit {
        /** specs/003: concurrent WebSocket connections per client. */
        @WithDefault("10")
        int websocketConnections();

        /** specs/003: concurrent file downloads. */
        @WithDefault("50")
        int concurrentDownloads();
    }

    /** specs/003 "Authentication: None (local network deployment)", only as an explicit opt-in. */
    interface LocalMode {
        /**
         * When set, specs/003 paths (/api/v1/..., /ws) answer requests without a token as this tenant; a request
         * with a token still acts as the token's tenant. Unset (the default), every request needs a token.
         */
        Optional<String> tenant();
    }

    interface Costs {
        /** Used when neither the job nor its AMS tray names a price. */
        @WithDefault("0.025")
        double defaultCostPerGram();

        @WithDefault("0.30")
        double energyPricePerKwh();

        /** Average draw while printing, for the power cost. */
        @WithDefault("0.12")
        double printerPowerKw();
    }
}
