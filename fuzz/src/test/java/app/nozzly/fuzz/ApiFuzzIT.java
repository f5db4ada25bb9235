package app.nozzly.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.nozzly.sim.etsy.EtsySimulator;
import app.nozzly.testing.PlatformInfra;
import app.nozzly.testing.ServiceProcess;

/**
 * The five packaged services, every operation of each one's served OpenAPI document, malformed input of every
 * kind, as two tenants with every role: no answer is a 5xx and no request hangs. Bounded: at most four minutes
 * of requests, at least 5,000 of them. Rate limits are off here; they are each service's own tests' subject.
 */
class ApiFuzzIT {

    private static final Duration BUDGET = Duration.ofMinutes(4);
    private static final int MINIMUM_REQUESTS = 5_000;
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static final Map<String, ServiceProcess> BY_NAME = new LinkedHashMap<>();
    private static EtsySimulator etsy;

    @BeforeAll
    static void startThePlatform() {
        PlatformInfra.get();
        etsy = EtsySimulator.builder().port(0).keystring("fuzzkeystring").sharedSecret("fuzzsecret").start();
        CompletableFuture<ServiceProcess> inventory = start("inventory-service", common());
        CompletableFuture<ServiceProcess> orderSync = start("order-sync-service", orderSync());
        CompletableFuture<ServiceProcess> printers = start("printer-service", printers());
        CompletableFuture<ServiceProcess> facility = start("facility-sim-service", common());
        Map<String, String> production = common();
        production.put("quarkus.rest-client.inventory.url", inventory.join().url());
        production.put("nozzly.clients.order-sync.url", orderSync.join().url());
        start("production-service", production).join();
        printers.join();
        facility.join();
    }

    @AfterAll
    static void stop() {
        SERVICES.forEach(ServiceProcess::close);
        if (etsy != null) {
            etsy.close();
        }
    }

    @Test
    void noMalformedRequestToAnyOperationOfAnyServiceGetsA5xxOrHangs() throws Exception {
        List<String> tenants = List.of("fuzz-a", "fuzz-b");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long end = System.nanoTime() + BUDGET.toNanos();
        List<Fuzzer> fuzzers = new ArrayList<>();
        try {
            int left = BY_NAME.size();
            for (Map.Entry<String, ServiceProcess> service : BY_NAME.entrySet()) {
                // each service gets its share of what is left of the budget
                long deadline = System.nanoTime() + (end - System.nanoTime()) / left--;
                Fuzzer fuzzer = new Fuzzer(service.getKey(), service.getValue().url(),
                        Values.JSON.readTree(document(http, service.getValue())), tenants, http, pool);
                fuzzer.run(deadline);
                fuzzers.add(fuzzer);
            }
        } finally {
            pool.shutdownNow();
        }
        int sent = fuzzers.stream().mapToInt(Fuzzer::sent).sum();
        List<Fuzzer.Finding> findings = fuzzers.stream().flatMap(f -> f.findings().stream()).toList();
        report(fuzzers);
        assertThat(findings).as("answers 5xx or no answer at all, of %d requests", sent).isEmpty();
        assertThat(sent).isGreaterThanOrEqualTo(MINIMUM_REQUESTS);
        assertThat(fuzzers).allSatisfy(f -> assertThat(f.operations()).as(f.service() + " operations").isPositive());
    }

    private static void report(List<Fuzzer> fuzzers) {
        System.out.println("API fuzz:");
        for (Fuzzer fuzzer : fuzzers) {
            Map<Integer, Integer> statuses = new TreeMap<>();
            fuzzer.statuses().forEach((status, count) -> statuses.put(status, count.get()));
            System.out.printf("  %-22s %4d operations %6d requests  statuses %s%n", fuzzer.service(),
                    fuzzer.operations(), fuzzer.sent(), statuses);
        }
        fuzzers.stream().flatMap(f -> f.findings().stream()).limit(40).forEach(f -> System.out.println("    " + f));
    }

    private static String document(HttpClient http, ServiceProcess service) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(service.url() + "/q/openapi?format=json"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static CompletableFuture<ServiceProcess> start(String module, Map<String, String> config) {
        return CompletableFuture.supplyAsync(() -> {
            ServiceProcess service = ServiceProcess.start(module, config);
            synchronized (SERVICES) {
                SERVICES.add(service);
                BY_NAME.put(module, service);
            }
            return service;
        });
    }

    private static Map<String, String> common() {
        Map<String, String> config = new HashMap<>();
        config.put("platform.rate-limit.enabled", "false");
        config.put("quarkus.log.category.\"org.apache.kafka\".level", "ERROR");
        return config;
    }

    private static Map<String, String> orderSync() {
        Map<String, String> config = common();
        config.putAll(etsy.orderSyncSettings());
        config.put("ordersync.token-encryption-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        return config;
    }

    private static Map<String, String> printers() {
        Map<String, String> config = common();
        config.put("printer.files.storage-dir", "target/printer-files");
        return config;
    }
}
