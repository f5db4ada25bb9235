package app.nozzly.chaos;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jose4j.jwt.JwtClaims;

import com.fasterxml.jackson.databind.JsonNode;

import app.nozzly.sim.PrintOutcome;
import app.nozzly.sim.bambu.BambuModel;
import app.nozzly.sim.bambu.BambuPrinterSimulator;
import app.nozzly.sim.etsy.EtsySimulator;
import app.nozzly.sim.etsy.SimShop;
import app.nozzly.testing.KafkaTopics;
import app.nozzly.testing.TestTokens;

/**
 * The steady mixed load of a farm's working day, as clients send it through the gateway: stock movements on a few
 * shared spools (one small enough to run out), production runs completed against those spools, Etsy syncs of a
 * shop whose orders keep coming, printers printing, facility teams producing on their farms. Every write carries its idempotency key and, when its
 * outcome is unknown (no answer, a 5xx, a throttle), is sent again with the same key, as a careful client does.
 * What the platform accepted is kept here, to be found again in its data at the end.
 */
final class Workload implements AutoCloseable {

    static final String TENANT = "chaos";
    /** The spool that runs out: consumptions beyond it must be refused, never make stock negative. */
    static final int SMALL_SPOOL_GRAMS = 300;

    enum Outcome { ACCEPTED, REFUSED, UNKNOWN }

    /** A stock movement the workload sent: which spool, how much, and what it learned of the outcome. */
    record Movement(String spoolId, int grams, Outcome outcome) {
    }

    /** A facility team's farm and the token of a student of that team. */
    private record Farm(String facility, String token) {
    }

    /** What each facility team starts with; the providers' teams start with nothing and earn. */
    static final BigDecimal TEAM_FUNDS = new BigDecimal("100000.00");
    private static final long WHEAT = 28;
    private static final int FARMS = 4;

    private final ChaosPlatform platform;
    private final Client client;
    private final String token = TestTokens.token(TENANT, "owner", "admin");
    private final ExecutorService workers = Executors.newFixedThreadPool(7);
    private final List<String> spools = new ArrayList<>();
    private final List<BambuPrinterSimulator> printers = new ArrayList<>();
    private final Map<String, AtomicInteger> printsStarted = new ConcurrentHashMap<>();
    final ConcurrentMap<String, Movement> movements = new ConcurrentHashMap<>();
    final ConcurrentMap<String, Outcome> completions = new ConcurrentHashMap<>();
    final AtomicInteger syncs = new AtomicInteger();
    final AtomicInteger receipts = new AtomicInteger();
    /** The productions the facility accepted, by the id it answered; produce has no key to send again with. */
    final Set<String> produced = ConcurrentHashMap.newKeySet();
    final AtomicInteger producesUnknown = new AtomicInteger();
    private final List<Farm> farms = new ArrayList<>();
    private final AtomicInteger produceTurn = new AtomicInteger();
    /** The ids of the events sent invalid on purpose: the only ones dead-letter topics may hold. */
    final Set<String> invalidOnPurpose = ConcurrentHashMap.newKeySet();
    private String model;
    private String shopToken;
    private SimShop shop;
    private volatile boolean running;

    Workload(ChaosPlatform platform) {
        this.platform = platform;
        this.client = new Client(platform.gateway());
    }

    Client client() {
        return client;
    }

    List<String> spools() {
        return spools;
    }

    Map<String, AtomicInteger> printsStarted() {
        return printsStarted;
    }

    /** What the load works on, created through the API before any fault. */
    void setUp() throws Exception {
        awaitAnswering(Duration.ofSeconds(120));
        must(client.send("setup", "POST", "/api/v1/material-types", token,
                Map.of("code", "PLA", "name", "PLA", "density_g_cm3", 1.24)));
        for (int i = 0; i < 3; i++) {
            JsonNode spool = must(client.send("setup", "POST", "/api/v1/spools", token, Map.of(
                    "spool_id", "CHAOS-" + i, "brand", "Chaos", "color", "Black", "material_type", "PLA",
                    "initial_weight_grams", i == 2 ? SMALL_SPOOL_GRAMS : 1_000_000, "cost_per_gram", 0.02)));
            spools.add(spool.get("id").asText());
        }
        model = must(client.send("setup", "POST", "/api/v1/models", token, Map.of("name", "Chaos widget",
                "sku", "CHAOS-WIDGET", "estimated_grams_per_unit", 20))).get("id").asText();
        signInShop();
        for (int i = 0; i < 2; i++) {
            registerPrinter(i);
        }
        setUpFacility();
    }

    /** Teams with a farm each, connected to a well and a power plant of two provider teams (specs/004). */
    private void setUpFacility() {
        String teacher = TestTokens.token(TENANT, "teacher");
        String waterworks = created(teacher, "/api/facility/admin/teams", Map.of("name", "Waterworks", "funds", "0.00"));
        String grid = created(teacher, "/api/facility/admin/teams", Map.of("name", "Grid", "funds", "0.00"));
        String well = created(teacher, "/api/facility/admin/facilities", Map.of("teamId", waterworks, "name", "well",
                "type", "WATER", "level", 1, "q", 1, "r", -1, "unitPrice", "0.50", "capacity", "100000000"));
        String plant = created(teacher, "/api/facility/admin/facilities", Map.of("teamId", grid, "name", "plant",
                "type", "POWER", "level", 1, "q", 2, "r", -2, "unitPrice", "0.50", "capacity", "100000000"));
        for (int i = 0; i < FARMS; i++) {
            String team = created(teacher, "/api/facility/admin/teams", Map.of("name", "Team " + i, "funds",
                    TEAM_FUNDS.toPlainString()));
            int tile = 10 + i;
            String farm = created(teacher, "/api/facility/admin/facilities", Map.of("teamId", team, "name",
                    "farm-" + i, "type", "FARM", "level", 2, "q", tile, "r", -tile, "storageCapacity", "1000000"));
            for (String provider : List.of(well, plant)) {
                must(client.send("setup", "POST", "/api/facility/admin/connections", teacher,
                        Map.of("facilityId", farm, "providerId", provider)));
            }
            JwtClaims student = TestTokens.claims(TENANT, new String[] { "student" }, 3600);
            student.setClaim("team_id", team);
            farms.add(new Farm(farm, TestTokens.sign(student)));
        }
    }

    private String created(String token, String path, Map<String, Object> body) {
        return must(client.send("setup", "POST", path, token, body)).at("/data/id").asText();
    }

    /**
     * Waits until a read through the gateway answers: replicas report ready before their first request has been
     * served, and on a busy machine that first request can take longer than a client waits.
     */
    private void awaitAnswering(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!client.send("warm-up", "GET", "/api/v1/material-types", token, null).ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the platform did not answer a read within " + timeout);
            }
            pause(1000);
        }
    }

    private void signInShop() throws Exception {
        EtsySimulator etsy = platform.etsy();
        shop = etsy.createShop("ChaosPrints", "Cass", "Ruiz");
        etsy.approveAs(shop);
        etsy.addReceipts(shop, 20);
        receipts.addAndGet(20);
        JsonNode login = must(client.send("setup", "GET", "/api/auth/login", token, null));
        Map<String, String> redirect = EtsySimulator.consent(login.get("auth_url").asText());
        if (!login.get("state").asText().equals(redirect.get("state"))) {
            throw new IllegalStateException("Etsy's redirect carried another state than the login's");
        }
        Map<String, String> callback = new LinkedHashMap<>();
        callback.put("code", redirect.get("code"));
        callback.put("code_verifier", login.get("code_verifier").asText());
        shopToken = must(client.send("setup", "POST", "/api/auth/callback", token, callback)).get("token").asText();
    }

    private void registerPrinter(int index) throws Exception {
        BambuPrinterSimulator printer = BambuPrinterSimulator.builder().serial(String.format("CHAOS%010d", index))
                .model(BambuModel.X1C).accessCode("12345678").ams(true).timeScale(60)
                .reportInterval(Duration.ofSeconds(1)).mqttPort(0).ftpsPort(0).start();
        printers.add(printer);
        String id = "chaos_x1c_" + index;
        Map<String, Object> body = printer.registration(id, "Chaos X1C #" + index);
        must(client.send("setup", "POST", "/api/v1/printers", shopToken, body));
        printsStarted.put(id, new AtomicInteger());
    }

    void start() {
        running = true;
        workers.submit(() -> loop(this::move, 100));
        workers.submit(() -> loop(this::move, 100));
        workers.submit(() -> loop(this::runLifecycle, 300));
        workers.submit(() -> loop(this::sync, 3000));
        workers.submit(() -> loop(this::print, 1000));
        workers.submit(() -> loop(this::produce, 500));
    }

    void stop() throws InterruptedException {
        running = false;
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
    }

    private void loop(Runnable operation, long pauseMillis) {
        while (running) {
            try {
                operation.run();
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                System.err.println("chaos workload: " + e);
            }
        }
    }

    /** One gram out of one of the spools; the small spool runs out and then refuses. */
    private void move() {
        String key = "chaos-" + UUID.randomUUID();
        String spool = spools.get(ThreadLocalRandom.current().nextInt(spools.size()));
        movements.put(key, new Movement(spool, 1, movement(key, spool, 1, 5)));
    }

    private Outcome movement(String key, String spool, int grams, int attempts) {
        Map<String, Object> body = Map.of("idempotency_key", key, "cause", Map.of("type", "user", "id", "chaos"),
                "lines", List.of(Map.of("item_type", "spool", "item_id", spool, "kind", "consumption",
                        "quantity", grams, "unit", "g")));
        for (int attempt = 0; attempt < attempts; attempt++) {
            Client.Reply reply = client.send("stock movement", "POST", "/api/v1/inventory/movements", token, body);
            if (reply.ok()) {
                return Outcome.ACCEPTED;
            }
            if (reply.refused()) {
                return Outcome.REFUSED;
            }
            pause(500L << attempt);
        }
        return Outcome.UNKNOWN;
    }

    /** A run of two widgets from two spools: created, weighed, completed (specs/000). */
    private void runLifecycle() {
        Client.Reply created = client.send("run create", "POST", "/api/v1/production-runs", token, Map.of(
                "notes", "chaos", "items", List.of(Map.of("model_id", model, "quantity", 2)),
                "materials", List.of(material(spools.get(0)), material(spools.get(1)))));
        if (!created.ok()) {
            return;
        }
        String run = created.body().get("id").asText();
        for (JsonNode material : created.body().get("materials")) {
            Client.Reply weighed = null;
            for (int attempt = 0; attempt < 5 && (weighed == null || weighed.unknown()); attempt++) {
                weighed = client.send("run weigh", "PATCH", "/api/v1/production-runs/" + run + "/materials/"
                        + material.get("id").asText(), token, Map.of("spool_weight_before_grams", 900,
                                "spool_weight_after_grams", 886));
            }
            if (!weighed.ok()) {
                return;
            }
        }
        Outcome outcome = Outcome.UNKNOWN;
        for (int attempt = 0; attempt < 5 && outcome == Outcome.UNKNOWN; attempt++) {
            Client.Reply completed = client.send("run complete", "POST", "/api/v1/production-runs/" + run
                    + "/complete", token, Map.of());
            outcome = completed.ok() ? Outcome.ACCEPTED : completed.refused() ? Outcome.REFUSED : Outcome.UNKNOWN;
            if (outcome == Outcome.UNKNOWN) {
                pause(500L << attempt);
            }
        }
        completions.put(run, outcome);
    }

    private static Map<String, Object> material(String spool) {
        return Map.of("spool_id", spool, "estimated_model_weight_grams", 12, "estimated_flushed_grams", 2,
                "estimated_tower_grams", 1);
    }

    /** New orders arrive at the shop; the seller syncs now and then (specs/002). */
    private void sync() {
        platform.etsy().addReceipts(shop, 2);
        receipts.addAndGet(2);
        if (client.send("etsy sync", "POST", "/api/orders/sync", shopToken, null).ok()) {
            syncs.incrementAndGet();
        }
    }

    /** An idle printer starts its next print, as a farm keeps them busy; the prints it started are counted. */
    private void print() {
        for (int i = 0; i < printers.size(); i++) {
            BambuPrinterSimulator printer = printers.get(i);
            if (List.of("IDLE", "FINISH", "FAILED").contains(printer.gcodeState())) {
                printer.startPrint("chaos-part-" + i + ".3mf", Duration.ofMinutes(20), PrintOutcome.FINISH, 12.5);
                printsStarted.get("chaos_x1c_" + i).incrementAndGet();
            }
        }
    }

    /** A team produces wheat on its farm, paying the providers for water and power (specs/004 section 1). */
    private void produce() {
        Farm farm = farms.get(produceTurn.getAndIncrement() % farms.size());
        Client.Reply reply = client.send("facility produce", "POST", "/api/facility/production/produce",
                farm.token(), Map.of("facilityId", farm.facility(), "rawMaterialId", WHEAT, "quantity", 1));
        if (reply.ok()) {
            produced.add(reply.body().at("/data/productionId").asText());
        } else if (reply.unknown()) {
            producesUnknown.incrementAndGet();
        }
    }

    /**
     * A run event no consumer can apply (no run id), as a faulty producer might send it: it must end in a
     * dead-letter topic, and nothing else may.
     */
    void sendInvalidOnPurpose(String bootstrap) throws Exception {
        String id = "chaos-invalid-" + UUID.randomUUID();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", "/production-service");
        event.put("type", "production.run.created");
        event.put("time", Instant.now().toString());
        event.put("tenant", TENANT);
        event.put("datacontenttype", "application/json");
        event.put("data", Map.of("status", "in_progress", "items", List.of()));
        invalidOnPurpose.add(id);
        KafkaTopics.send(bootstrap, "production.runs", id, Client.JSON.writeValueAsString(event));
    }

    /** After recovery: every movement whose outcome stayed unknown is sent once more with its key. */
    void settleUnknowns() {
        movements.replaceAll((key, movement) -> movement.outcome() != Outcome.UNKNOWN ? movement
                : new Movement(movement.spoolId(), movement.grams(), movement(key, movement.spoolId(),
                        movement.grams(), 3)));
    }

    /** After recovery: one last sync, so every receipt of the shop should be an order. */
    boolean finalSync() {
        for (int attempt = 0; attempt < 10; attempt++) {
            Client.Reply reply = client.send("etsy sync", "POST", "/api/orders/sync", shopToken, null);
            if (reply.ok()) {
                return true;
            }
            pause(2000);
        }
        return false;
    }

    /** Waits until no simulated printer is printing (their last prints have finished). */
    void awaitPrintersIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && printers.stream()
                .anyMatch(p -> !List.of("IDLE", "FINISH", "FAILED").contains(p.gcodeState()))) {
            pause(500);
        }
    }

    private static JsonNode must(Client.Reply reply) {
        if (!reply.ok()) {
            throw new IllegalStateException("setup call answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        printers.forEach(BambuPrinterSimulator::close);
    }
}
