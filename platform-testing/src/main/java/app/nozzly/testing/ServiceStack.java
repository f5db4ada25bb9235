package app.nozzly.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Packaged services of one test JVM, started ({@link ServiceProcess}) against the one Postgres and Kafka of
 * {@link PlatformInfra} and all stopped with the JVM, also when a later one fails to start. Tests that drive the
 * platform through its APIs configure the services alike: {@link #settings()} and what builds on it.
 */
public final class ServiceStack {

    private final List<ServiceProcess> started = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> alsoClosed = new CopyOnWriteArrayList<>();
    private final int attempts;
    private final Map<String, String> common;

    /**
     * @param name     names the shutdown thread
     * @param attempts how often a service may try to start (a first JVM start on a loaded machine can exceed the
     *                 readiness wait; a second one is warmer)
     * @param common   settings every service of the stack gets beyond {@link #settings()}'s own
     */
    public ServiceStack(String name, int attempts, Map<String, String> common) {
        this.attempts = attempts;
        this.common = Map.copyOf(common);
        PlatformInfra.get();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, name + "-shutdown"));
    }

    /** Closed with the services, after them: a simulator they talk to. */
    public <T extends AutoCloseable> T alsoClose(T resource) {
        alsoClosed.add(resource);
        return resource;
    }

    /**
     * What every service gets: no rate limits (each service's own tests prove them, here they would only slow the
     * flows down), Kafka's client logs only on errors, and the stack's common settings.
     */
    public Map<String, String> settings() {
        Map<String, String> config = new HashMap<>();
        config.put("platform.rate-limit.enabled", "false");
        config.put("quarkus.log.category.\"org.apache.kafka\".level", "ERROR");
        config.putAll(common);
        return config;
    }

    /** order-sync-service signing sellers in with the Etsy of {@code etsySettings}, its tokens encrypted. */
    public Map<String, String> orderSyncSettings(Map<String, String> etsySettings) {
        Map<String, String> config = settings();
        config.putAll(etsySettings);
        config.put("ordersync.token-encryption-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        return config;
    }

    /** printer-service reconnecting to a printer within 2 s, keeping its files under target/. */
    public Map<String, String> printerSettings() {
        Map<String, String> config = settings();
        config.put("printer.connection.max-backoff", "2s");
        config.put("printer.files.storage-dir", "target/printer-files");
        return config;
    }

    public CompletableFuture<ServiceProcess> startAsync(String module, Map<String, String> config) {
        return CompletableFuture.supplyAsync(() -> start(module, config));
    }

    public ServiceProcess start(String module, Map<String, String> config) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            try {
                ServiceProcess service = ServiceProcess.start(module, config);
                started.add(service);
                return service;
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    private void close() {
        started.parallelStream().forEach(ServiceProcess::close);
        for (AutoCloseable resource : alsoClosed) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + resource + " failed", e);
            }
        }
    }
}
