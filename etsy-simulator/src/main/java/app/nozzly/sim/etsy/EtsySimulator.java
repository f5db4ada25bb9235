package app.nozzly.sim.etsy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Etsy Open API v3 as a shop owner's app sees it: OAuth 2.0 with PKCE (S256), 3600 s access tokens and
 * rotating refresh tokens, {@code x-api-key: KEYSTRING:SHARED_SECRET}, shop receipts with their
 * transactions, filters, sorting, paging with Etsy's offset cap, per-second and per-day rate limits with
 * Etsy's headers and 429, and the token endpoint's occasional 500.
 */
public final class EtsySimulator implements AutoCloseable {

    private static final Pattern SHOP = Pattern.compile("/v3/application/shops/(\\d+)");
    private static final Pattern RECEIPTS = Pattern.compile("/v3/application/shops/(\\d+)/receipts");
    private static final Pattern RECEIPT = Pattern.compile("/v3/application/shops/(\\d+)/receipts/(\\d+)");
    private static final Pattern TRANSACTIONS = Pattern
            .compile("/v3/application/shops/(\\d+)/receipts/(\\d+)/transactions");
    private static final Pattern USER = Pattern.compile("/v3/application/users/(\\d+)");
    /** The smallest time Etsy accepts in a query (its OpenAPI minimum for every timestamp): 2000-01-01. */
    private static final long ETSY_EPOCH = 946_684_800L;
    private static final String[] FIRST = { "Emma", "Liam", "Olivia", "Noah", "Ava", "Mia", "Lucas", "Sofia", "Ethan",
            "Chloe", "Mateo", "Hannah", "Jonas", "Lea", "Oscar", "Nora" };
    private static final String[] LAST = { "Smith", "Johnson", "Garcia", "Miller", "Davis", "Martinez", "Muller",
            "Schmidt", "Rossi", "Dubois", "Nguyen", "Kowalski", "Jensen", "Silva" };
    private static final String[] CITIES = { "Portland", "Austin", "Denver", "Boston", "Seattle", "Chicago",
            "Brooklyn", "Madison" };
    private static final Object[][] PRODUCTS = { { "Custom Cable Bracket", "NZ-BRK-001", 1299L },
            { "Articulated Dragon (PLA Silk)", "NZ-DRG-014", 3499L }, { "Desk Cable Organizer", "NZ-ORG-003", 899L },
            { "Planter with Drip Tray", "NZ-PLT-022", 2450L }, { "Headphone Stand", "NZ-HPS-007", 1950L },
            { "Miniature Terrain Set", "NZ-TER-031", 4200L }, { "Replacement Knob (PETG)", "NZ-KNB-002", 599L },
            { "Lithophane Lamp", "NZ-LTH-011", 5999L } };

    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom secure = new SecureRandom();
    private final Random random;
    private final Builder config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Object lock = new Object();

    /** System property counting the simulators of this JVM, each of which takes its own range of ids. */
    private static final String ID_RANGES = "nozzly.etsy-simulator.id-ranges";
    private static final long IDS_PER_SIMULATOR = 5_000_000L;

    private final Map<Long, SimShop> shops = new LinkedHashMap<>();
    private final Map<Long, SimReceipt> receipts = new LinkedHashMap<>();
    private final Map<String, PendingCode> codes = new HashMap<>();
    private final Map<String, Grant> accessTokens = new HashMap<>();
    private final Map<String, Long> refreshTokens = new HashMap<>();
    private final AtomicLong nextId = new AtomicLong(3_100_000_000L + idRange() * IDS_PER_SIMULATOR);
    private SimShop approvingShop;

    private long currentSecond;
    private int usedThisSecond;
    private int peakPerSecond;
    private long currentDay;
    private int usedToday;

    private final AtomicInteger apiRequests = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger tokenFailures = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger expiredTokenRejections = new AtomicInteger();
    private final AtomicInteger maxOffsetRequested = new AtomicInteger();
    private int expireAfterReceiptRequests = -1;
    private int expireEveryReceiptRequests;
    private int receiptRequestsSinceExpiry;
    private Duration throttleFor;
    private Instant throttledUntil = Instant.EPOCH;
    private final AtomicInteger requestsDuringRetryAfter = new AtomicInteger();
    private final Map<Long, Integer> failAfterReceiptRequests = new HashMap<>();

    private record PendingCode(String clientId, String redirectUri, String challenge, long shopId, Instant expires) {
    }

    private record Grant(long shopId, Instant expires) {
    }

    private EtsySimulator(Builder config) throws IOException {
        this.config = config;
        this.random = new Random(config.seed);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", config.port), 64);
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "etsy-simulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * The next free range of ids in this JVM. Etsy never gives an id twice, and a service's database outlives a
     * simulator: a test JVM starts another one after each Quarkus restart (a class loader of its own, hence the
     * system property) against the same database, where reused shop ids would be earlier tests' tenants.
     */
    private static long idRange() {
        synchronized (System.getProperties()) {
            long range = Long.getLong(ID_RANGES, 0L);
            System.setProperty(ID_RANGES, String.valueOf(range + 1));
            return range;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Base URL of the API host: {@code /v3/public/oauth/token} and {@code /v3/application/...}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The browser consent page: an auto-approving signed-in seller (see {@link #approveAs}). */
    public String authorizeUrl() {
        return baseUrl() + "/oauth/connect";
    }

    /**
     * What order-sync-service needs to talk to this simulator as its Etsy app (its {@code etsy.*} settings),
     * with the redirect a web client registered and no scheduled sync, so a test decides when to sync.
     */
    public Map<String, String> orderSyncSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("etsy.api-base-url", baseUrl());
        settings.put("etsy.authorize-url", authorizeUrl());
        settings.put("etsy.keystring", config.keystring);
        settings.put("etsy.shared-secret", config.sharedSecret);
        settings.put("etsy.redirect-uri", "http://localhost:3000/auth/callback");
        settings.put("ordersync.sync.every", "off");
        return settings;
    }

    /**
     * What the seller's browser does with an authorization URL: opens the consent page, which (approved, see
     * {@link #approveAs}) redirects back; answers that redirect's query parameters (code and state, or error).
     */
    public static Map<String, String> consent(String authUrl) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(authUrl)).build(),
                    HttpResponse.BodyHandlers.discarding());
            String location = response.headers().firstValue("Location").orElseThrow(
                    () -> new IllegalStateException("the consent page answered " + response.statusCode()));
            Map<String, String> params = new HashMap<>();
            String query = URI.create(location).getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            return params;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public SimShop createShop(String shopName, String firstName, String lastName) {
        return createShop(shopName, firstName, lastName, "USD");
    }

    /** A shop that sells in {@code currency} (ISO 4217): its receipts' money carries that code and divisor. */
    public SimShop createShop(String shopName, String firstName, String lastName, String currency) {
        synchronized (lock) {
            long userId = nextId.incrementAndGet() % 100_000_000L + 10_000_000L;
            long shopId = nextId.incrementAndGet() % 100_000_000L + 20_000_000L;
            String login = shopName.toLowerCase().replaceAll("[^a-z0-9]", "");
            SimShop shop = new SimShop(shopId, userId, shopName, login, firstName, lastName, login + "@example.com",
                    currency);
            shops.put(shopId, shop);
            if (approvingShop == null) {
                approvingShop = shop;
            }
            return shop;
        }
    }

    /** The seller who approves the next authorization requests. */
    public void approveAs(SimShop shop) {
        synchronized (lock) {
            approvingShop = shop;
        }
    }

    /** Orders placed just now. */
    public List<Long> addReceipts(SimShop shop, int count) {
        return addReceipts(shop, count, Duration.ZERO);
    }

    /** Order history: {@code count} orders placed evenly over the past {@code spread}, the last one now. */
    public List<Long> addReceipts(SimShop shop, int count, Duration spread) {
        long now = Instant.now().getEpochSecond();
        List<Long> ids = new ArrayList<>();
        synchronized (lock) {
            for (int i = 0; i < count; i++) {
                long created = count <= 1 ? now : now - spread.toSeconds() * (count - 1 - i) / (count - 1);
                SimReceipt receipt = newReceipt(shop, created);
                receipts.put(receipt.receiptId, receipt);
                ids.add(receipt.receiptId);
            }
        }
        return ids;
    }

    /** The seller refunds the whole receipt: status "fully refunded", a refund record, a new update time. */
    public void refund(long receiptId) {
        change(receiptId, r -> {
            r.refunds.add(new SimReceipt.Refund(r.grandtotalMinor() - r.refundedMinor(), now(), "Customer request"));
            r.status = "fully refunded";
        });
    }

    /** A partial refund of {@code amountMinor} (in the currency's minor unit). */
    public void refund(long receiptId, long amountMinor) {
        change(receiptId, r -> {
            r.refunds.add(new SimReceipt.Refund(amountMinor, now(), "Partial refund"));
            r.status = r.refundedMinor() >= r.grandtotalMinor() ? "fully refunded" : "partially refunded";
        });
    }

    public void cancel(long receiptId) {
        change(receiptId, r -> r.status = "canceled");
    }

    public void ship(long receiptId) {
        change(receiptId, r -> {
            r.shipped = true;
            r.shippedTimestamp = now();
            r.trackingCode = "1Z" + Math.abs(random.nextLong() % 1_000_000_000L);
            r.status = "completed";
        });
    }

    /** Every issued access token stops working now, as if an hour had passed; refresh tokens still work. */
    public void expireAllAccessTokens() {
        synchronized (lock) {
            accessTokens.replaceAll((token, grant) -> new Grant(grant.shopId(), Instant.EPOCH));
        }
    }

    /** After {@code n} more receipt list requests, every access token expires (once). */
    public void expireAccessTokensAfterReceiptRequests(int n) {
        synchronized (lock) {
            expireAfterReceiptRequests = n;
        }
    }

    /** Every {@code n}th receipt list request from now on, every access token expires: refresh after refresh. */
    public void expireAccessTokensEveryReceiptRequests(int n) {
        synchronized (lock) {
            expireEveryReceiptRequests = n;
            receiptRequestsSinceExpiry = 0;
        }
    }

    /**
     * The key runs over Etsy's quota at the next application request: that request and every one until
     * {@code retryAfter} has passed answer 429 with {@code retry-after} (the seconds still to wait).
     */
    public void throttle(Duration retryAfter) {
        synchronized (lock) {
            throttleFor = retryAfter;
        }
    }

    /** Etsy reports this receipt's money in {@code currencyCode}, whatever the shop's currency. */
    public void currencyCode(long receiptId, String currencyCode) {
        synchronized (lock) {
            receipts.get(receiptId).currencyCode = currencyCode;
        }
    }

    /** The receipt's JSON leaves out these top-level fields (e.g. created_timestamp, updated_timestamp). */
    public void omitFields(long receiptId, String... fields) {
        synchronized (lock) {
            receipts.get(receiptId).omittedFields.addAll(List.of(fields));
        }
    }

    /** After {@code n} more receipt list requests of the shop, they answer 503 until {@link #recover}. */
    public void failReceiptsAfter(SimShop shop, int n) {
        synchronized (lock) {
            failAfterReceiptRequests.put(shop.shopId(), n);
        }
    }

    public void recover(SimShop shop) {
        synchronized (lock) {
            failAfterReceiptRequests.remove(shop.shopId());
        }
    }

    public List<Long> receiptIds(SimShop shop) {
        synchronized (lock) {
            return receipts.values().stream().filter(r -> r.shopId == shop.shopId()).map(r -> r.receiptId).toList();
        }
    }

    /** Grand total of a receipt in minor units. */
    public long grandtotalMinor(long receiptId) {
        synchronized (lock) {
            return receipts.get(receiptId).grandtotalMinor();
        }
    }

    public int apiRequests() {
        return apiRequests.get();
    }

    public int rateLimitedResponses() {
        return rateLimited.get();
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public int tokenFailures() {
        return tokenFailures.get();
    }

    public int refreshes() {
        return refreshes.get();
    }

    public int expiredTokenRejections() {
        return expiredTokenRejections.get();
    }

    public int maxOffsetRequested() {
        return maxOffsetRequested.get();
    }

    /** The most application requests the key made in one second since the last reset. */
    public int peakRequestsPerSecond() {
        synchronized (lock) {
            return peakPerSecond;
        }
    }

    public void resetPeakRequestsPerSecond() {
        synchronized (lock) {
            peakPerSecond = 0;
        }
    }

    /** Requests that came while a retry-after Etsy had announced (see {@link #throttle}) was still running. */
    public int requestsDuringRetryAfter() {
        return requestsDuringRetryAfter.get();
    }

    public int ratePerSecond() {
        return config.ratePerSecond;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private void change(long receiptId, java.util.function.Consumer<SimReceipt> change) {
        synchronized (lock) {
            SimReceipt receipt = receipts.get(receiptId);
            if (receipt == null) {
                throw new IllegalArgumentException("no receipt " + receiptId);
            }
            change.accept(receipt);
            receipt.updatedTimestamp = Math.max(now(), receipt.updatedTimestamp);
        }
    }

    private SimReceipt newReceipt(SimShop shop, long created) {
        int lineCount = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(3));
        List<SimReceipt.Line> lines = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            Object[] product = PRODUCTS[random.nextInt(PRODUCTS.length)];
            lines.add(new SimReceipt.Line(nextId.incrementAndGet(), 1_000_000_000L + random.nextInt(900_000),
                    (String) product[0], (String) product[1], 1 + (random.nextInt(10) < 8 ? 0 : random.nextInt(3)),
                    minor(shop, (Long) product[2])));
        }
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        return new SimReceipt(nextId.incrementAndGet(), shop.shopId(), 500_000_000L + random.nextInt(100_000_000),
                first + " " + last, (first + "." + last).toLowerCase() + random.nextInt(1000) + "@example.com",
                CITIES[random.nextInt(CITIES.length)], created, random.nextBoolean() ? 0 : minor(shop, 495), lines);
    }

    /** A US-dollar price in cents as the shop's currency in its minor unit, at a rough exchange rate. */
    private static long minor(SimShop shop, long usdCents) {
        double perDollar = switch (shop.currency()) {
            case "JPY" -> 150;
            case "KRW" -> 1350;
            case "KWD" -> 0.31;
            case "BHD" -> 0.38;
            case "EUR" -> 0.92;
            case "GBP" -> 0.79;
            default -> 1;
        };
        return Math.round(usdCents / 100.0 * perDollar * shop.divisor());
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/oauth/connect") && "GET".equals(exchange.getRequestMethod())) {
                authorize(exchange);
            } else if (path.equals("/v3/public/oauth/token") && "POST".equals(exchange.getRequestMethod())) {
                token(exchange);
            } else if (path.startsWith("/v3/application/")) {
                application(exchange, path);
            } else {
                error(exchange, 404, "Resource not found");
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "internal error: " + e.getMessage());
        }
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        String redirect = q.get("redirect_uri");
        if (!"code".equals(q.get("response_type")) || redirect == null || q.get("state") == null
                || q.get("code_challenge") == null || !"S256".equals(q.get("code_challenge_method"))) {
            error(exchange, 400, "response_type=code, redirect_uri, state, code_challenge and "
                    + "code_challenge_method=S256 are required");
            return;
        }
        if (!config.keystring.equals(q.get("client_id"))) {
            error(exchange, 400, "unknown client_id");
            return;
        }
        String code;
        synchronized (lock) {
            if (approvingShop == null) {
                error(exchange, 400, "no seller is signed in");
                return;
            }
            code = randomToken();
            codes.put(code, new PendingCode(q.get("client_id"), redirect, q.get("code_challenge"),
                    approvingShop.shopId(), Instant.now().plusSeconds(300)));
        }
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + enc(code) + "&state="
                + enc(q.get("state"));
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = query(new String(readBody(exchange), StandardCharsets.UTF_8));
        if (config.tokenErrorRate > 0 && random.nextDouble() < config.tokenErrorRate) {
            tokenFailures.incrementAndGet();
            error(exchange, 500, "server_error");
            return;
        }
        if (!config.keystring.equals(form.get("client_id"))) {
            oauthError(exchange, 401, "invalid_client", "client_id is not a known keystring");
            return;
        }
        long shopId;
        synchronized (lock) {
            String grantType = form.getOrDefault("grant_type", "");
            if (grantType.equals("authorization_code")) {
                PendingCode pending = codes.remove(form.getOrDefault("code", ""));
                if (pending == null || pending.expires().isBefore(Instant.now())) {
                    oauthError(exchange, 400, "invalid_grant", "code is unknown, used or expired");
                    return;
                }
                if (!pending.redirectUri().equals(form.get("redirect_uri"))) {
                    oauthError(exchange, 400, "invalid_grant", "redirect_uri does not match the authorization");
                    return;
                }
                String verifier = form.getOrDefault("code_verifier", "");
                if (!s256(verifier).equals(pending.challenge())) {
                    oauthError(exchange, 400, "invalid_grant", "code_verifier does not match code_challenge");
                    return;
                }
                shopId = pending.shopId();
            } else if (grantType.equals("refresh_token")) {
                Long owner = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
                if (owner == null) {
                    oauthError(exchange, 400, "invalid_grant", "refresh_token is invalid or was already used");
                    return;
                }
                refreshes.incrementAndGet();
                shopId = owner;
            } else {
                oauthError(exchange, 400, "unsupported_grant_type", "grant_type " + grantType + " is not supported");
                return;
            }
        }
        SimShop shop;
        synchronized (lock) {
            shop = shops.get(shopId);
        }
        String access = shop.userId() + "." + randomToken();
        String refresh = shop.userId() + "." + randomToken();
        synchronized (lock) {
            accessTokens.put(access, new Grant(shopId, Instant.now().plus(config.accessTokenTtl)));
            refreshTokens.put(refresh, shopId);
        }
        ObjectNode body = json.createObjectNode();
        body.put("access_token", access);
        body.put("token_type", "Bearer");
        body.put("expires_in", config.accessTokenTtl.toSeconds());
        body.put("refresh_token", refresh);
        send(exchange, 200, body);
    }

    private void application(HttpExchange exchange, String path) throws IOException {
        String apiKey = exchange.getRequestHeaders().getFirst("x-api-key");
        if (apiKey == null) {
            error(exchange, 401, "Missing x-api-key header");
            return;
        }
        if (!apiKey.equals(config.keystring + ":" + config.sharedSecret)) {
            error(exchange, 403, apiKey.contains(":") ? "Invalid API key"
                    : "x-api-key must be keystring:shared_secret");
            return;
        }
        if (!admit(exchange)) {
            return;
        }
        apiRequests.incrementAndGet();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        Grant grant;
        synchronized (lock) {
            grant = auth == null || !auth.startsWith("Bearer ") ? null : accessTokens.get(auth.substring(7));
        }
        if (grant == null) {
            error(exchange, 401, "invalid_token");
            return;
        }
        if (grant.expires().isBefore(Instant.now())) {
            expiredTokenRejections.incrementAndGet();
            error(exchange, 401, "invalid_token: access token has expired");
            return;
        }
        SimShop shop;
        synchronized (lock) {
            shop = shops.get(grant.shopId());
        }
        Matcher m;
        if (path.equals("/v3/application/users/me")) {
            ObjectNode me = json.createObjectNode();
            me.put("user_id", shop.userId());
            me.put("shop_id", shop.shopId());
            send(exchange, 200, me);
        } else if ((m = USER.matcher(path)).matches()) {
            if (Long.parseLong(m.group(1)) != shop.userId()) {
                error(exchange, 404, "User not found");
                return;
            }
            ObjectNode user = json.createObjectNode();
            user.put("user_id", shop.userId());
            user.put("primary_email", shop.email());
            user.put("first_name", shop.firstName());
            user.put("last_name", shop.lastName());
            user.putNull("image_url_75x75");
            send(exchange, 200, user);
        } else if ((m = SHOP.matcher(path)).matches()) {
            if (!ownShop(exchange, shop, m.group(1))) {
                return;
            }
            ObjectNode body = json.createObjectNode();
            body.put("shop_id", shop.shopId());
            body.put("user_id", shop.userId());
            body.put("shop_name", shop.shopName());
            body.put("login_name", shop.loginName());
            body.put("title", shop.shopName() + " - 3D printed goods");
            body.put("currency_code", shop.currency());
            body.put("url", "https://www.etsy.com/shop/" + shop.shopName());
            send(exchange, 200, body);
        } else if ((m = RECEIPTS.matcher(path)).matches()) {
            if (ownShop(exchange, shop, m.group(1))) {
                listReceipts(exchange, shop);
            }
        } else if ((m = TRANSACTIONS.matcher(path)).matches()) {
            if (ownShop(exchange, shop, m.group(1))) {
                SimReceipt receipt = receiptOf(shop, m.group(2));
                if (receipt == null) {
                    error(exchange, 404, "Receipt not found");
                    return;
                }
                ObjectNode body = json.createObjectNode();
                ArrayNode results = body.putArray("results");
                synchronized (lock) {
                    receipt.lines.forEach(line -> results.add(transactionJson(receipt, line)));
                }
                body.put("count", results.size());
                send(exchange, 200, body);
            }
        } else if ((m = RECEIPT.matcher(path)).matches()) {
            if (ownShop(exchange, shop, m.group(1))) {
                SimReceipt receipt = receiptOf(shop, m.group(2));
                if (receipt == null) {
                    error(exchange, 404, "Receipt not found");
                    return;
                }
                synchronized (lock) {
                    send(exchange, 200, receiptJson(receipt));
                }
            }
        } else {
            error(exchange, 404, "Resource not found");
        }
    }

    private SimReceipt receiptOf(SimShop shop, String id) {
        synchronized (lock) {
            SimReceipt receipt = receipts.get(Long.parseLong(id));
            return receipt != null && receipt.shopId == shop.shopId() ? receipt : null;
        }
    }

    private boolean ownShop(HttpExchange exchange, SimShop shop, String shopId) throws IOException {
        if (Long.parseLong(shopId) != shop.shopId()) {
            error(exchange, 403, "The token does not grant access to shop " + shopId);
            return false;
        }
        return true;
    }

    private void listReceipts(HttpExchange exchange, SimShop shop) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        int limit;
        int offset;
        try {
            limit = Integer.parseInt(q.getOrDefault("limit", "25"));
            offset = Integer.parseInt(q.getOrDefault("offset", "0"));
        } catch (NumberFormatException e) {
            error(exchange, 400, "limit and offset must be integers");
            return;
        }
        if (limit < 1 || limit > 100) {
            error(exchange, 400, "Expected int limit to be between 1 and 100");
            return;
        }
        if (offset < 0 || offset > config.offsetCap) {
            error(exchange, 400, "Expected int offset to be between 0 and " + config.offsetCap);
            return;
        }
        maxOffsetRequested.accumulateAndGet(offset, Math::max);
        boolean unavailable = false;
        synchronized (lock) {
            boolean every = expireEveryReceiptRequests > 0
                    && ++receiptRequestsSinceExpiry % expireEveryReceiptRequests == 0;
            if (expireAfterReceiptRequests >= 0 && expireAfterReceiptRequests-- == 0 || every) {
                accessTokens.replaceAll((token, grant) -> new Grant(grant.shopId(), Instant.EPOCH));
            }
            Integer failAfter = failAfterReceiptRequests.get(shop.shopId());
            if (failAfter != null && failAfter == 0) {
                unavailable = true;
            } else if (failAfter != null) {
                failAfterReceiptRequests.put(shop.shopId(), failAfter - 1);
            }
        }
        if (unavailable) {
            error(exchange, 503, "Service temporarily unavailable");
            return;
        }
        for (String bound : List.of("min_created", "max_created", "min_last_modified", "max_last_modified")) {
            String refused = epochSecondsRefused(q, bound);
            if (refused != null) {
                error(exchange, 400, refused);
                return;
            }
        }
        Predicate<SimReceipt> filter = r -> r.shopId == shop.shopId();
        filter = filter.and(range(q, "min_created", "max_created", r -> r.createdTimestamp));
        filter = filter.and(range(q, "min_last_modified", "max_last_modified", r -> r.updatedTimestamp));
        filter = filter.and(flag(q, "was_paid", r -> !r.status.equals("open") && !r.status.equals("payment processing")));
        filter = filter.and(flag(q, "was_shipped", r -> r.shipped));
        filter = filter.and(flag(q, "was_canceled", r -> r.status.equals("canceled")));
        Comparator<SimReceipt> order = switch (q.getOrDefault("sort_on", "created")) {
            case "created" -> Comparator.comparingLong((SimReceipt r) -> r.createdTimestamp);
            case "updated" -> Comparator.comparingLong((SimReceipt r) -> r.updatedTimestamp);
            case "receipt_id" -> Comparator.comparingLong((SimReceipt r) -> 0L);
            default -> null;
        };
        if (order == null) {
            error(exchange, 400, "sort_on must be one of created, updated, receipt_id");
            return;
        }
        String direction = q.getOrDefault("sort_order", "desc");
        boolean descending = List.of("desc", "descending", "down").contains(direction);
        if (!descending && !List.of("asc", "ascending", "up").contains(direction)) {
            error(exchange, 400, "sort_order must be one of asc, ascending, desc, descending, up, down");
            return;
        }
        order = order.thenComparingLong(r -> r.receiptId);
        if (descending) {
            order = order.reversed();
        }
        ObjectNode body = json.createObjectNode();
        synchronized (lock) {
            List<SimReceipt> matching = receipts.values().stream().filter(filter).sorted(order).toList();
            body.put("count", matching.size());
            ArrayNode results = body.putArray("results");
            matching.stream().skip(offset).limit(limit).forEach(r -> results.add(receiptJson(r)));
        }
        send(exchange, 200, body);
    }

    /** Etsy's getShopReceipts: time bounds are integers of at least 946684800 (2000-01-01); null when valid. */
    private static String epochSecondsRefused(Map<String, String> q, String name) {
        if (!q.containsKey(name)) {
            return null;
        }
        try {
            if (Long.parseLong(q.get(name)) >= ETSY_EPOCH) {
                return null;
            }
        } catch (NumberFormatException e) {
            return "Expected int " + name + ", got '" + q.get(name) + "'";
        }
        return "Expected int " + name + " to be at least " + ETSY_EPOCH;
    }

    private static Predicate<SimReceipt> range(Map<String, String> q, String min, String max,
            java.util.function.ToLongFunction<SimReceipt> field) {
        long low = q.containsKey(min) ? Long.parseLong(q.get(min)) : Long.MIN_VALUE;
        long high = q.containsKey(max) ? Long.parseLong(q.get(max)) : Long.MAX_VALUE;
        return r -> field.applyAsLong(r) >= low && field.applyAsLong(r) <= high;
    }

    private static Predicate<SimReceipt> flag(Map<String, String> q, String name, Predicate<SimReceipt> test) {
        if (!q.containsKey(name)) {
            return r -> true;
        }
        boolean wanted = Boolean.parseBoolean(q.get(name));
        return r -> test.test(r) == wanted;
    }

    /** A quota overrun (see {@link #throttle}), then the key's budgets announced on every answer; 429 beyond. */
    private boolean admit(HttpExchange exchange) throws IOException {
        Instant now = Instant.now();
        long waitMillis;
        synchronized (lock) {
            if (throttleFor != null) {
                throttledUntil = now.plus(throttleFor);
                throttleFor = null;
            } else if (now.isBefore(throttledUntil)) {
                requestsDuringRetryAfter.incrementAndGet();
            }
            waitMillis = Duration.between(now, throttledUntil).toMillis();
        }
        if (waitMillis > 0) {
            rateLimited.incrementAndGet();
            exchange.getResponseHeaders().set("retry-after", String.valueOf((waitMillis + 999) / 1000));
            error(exchange, 429, "You have exceeded your quota of API requests");
            return false;
        }
        long nowMillis = now.toEpochMilli();
        long second = nowMillis / 1000;
        long day = second / 86_400;
        boolean allowed;
        long retryAfter;
        synchronized (lock) {
            if (second != currentSecond) {
                currentSecond = second;
                usedThisSecond = 0;
            }
            if (day != currentDay) {
                currentDay = day;
                usedToday = 0;
            }
            allowed = usedThisSecond < config.ratePerSecond && usedToday < config.ratePerDay;
            if (allowed) {
                usedThisSecond++;
                usedToday++;
                peakPerSecond = Math.max(peakPerSecond, usedThisSecond);
            }
            retryAfter = usedToday >= config.ratePerDay ? (day + 1) * 86_400 - second : 1;
            var headers = exchange.getResponseHeaders();
            headers.set("x-limit-per-second", String.valueOf(config.ratePerSecond));
            headers.set("x-remaining-this-second", String.valueOf(config.ratePerSecond - usedThisSecond));
            headers.set("x-limit-per-day", String.valueOf(config.ratePerDay));
            headers.set("x-remaining-today", String.valueOf(config.ratePerDay - usedToday));
        }
        if (!allowed) {
            rateLimited.incrementAndGet();
            exchange.getResponseHeaders().set("retry-after", String.valueOf(retryAfter));
            error(exchange, 429, "You have exceeded your quota of API requests");
        }
        return allowed;
    }

    private ObjectNode receiptJson(SimReceipt r) {
        SimShop shop = shops.get(r.shopId);
        ObjectNode o = json.createObjectNode();
        o.put("receipt_id", r.receiptId);
        o.put("receipt_type", 0);
        o.put("seller_user_id", shop.userId());
        o.put("seller_email", shop.email());
        o.put("buyer_user_id", r.buyerUserId);
        o.put("buyer_email", r.buyerEmail);
        o.put("name", r.buyerName);
        o.put("first_line", (100 + r.receiptId % 900) + " Main Street");
        o.putNull("second_line");
        o.put("city", r.city);
        o.put("state", "OR");
        o.put("zip", "97201");
        o.put("status", r.status);
        o.put("formatted_address", r.buyerName + "\n" + r.city + ", OR 97201\nUnited States");
        o.put("country_iso", "US");
        o.put("payment_method", "cc");
        o.putNull("payment_email");
        o.putNull("message_from_seller");
        o.put("message_from_buyer", "");
        o.putNull("message_from_payment");
        o.put("is_paid", !r.status.equals("open"));
        o.put("is_shipped", r.shipped);
        o.put("create_timestamp", r.createdTimestamp);
        o.put("created_timestamp", r.createdTimestamp);
        o.put("update_timestamp", r.updatedTimestamp);
        o.put("updated_timestamp", r.updatedTimestamp);
        o.put("is_gift", false);
        o.putNull("gift_message");
        o.set("grandtotal", money(r, r.grandtotalMinor()));
        o.set("subtotal", money(r, r.subtotalMinor()));
        o.set("total_price", money(r, r.subtotalMinor()));
        o.set("total_shipping_cost", money(r, r.shippingMinor));
        o.set("total_tax_cost", money(r, 0));
        o.set("total_vat_cost", money(r, 0));
        o.set("discount_amt", money(r, 0));
        o.set("gift_wrap_price", money(r, 0));
        ArrayNode shipments = o.putArray("shipments");
        if (r.shipped) {
            ObjectNode s = shipments.addObject();
            s.put("receipt_shipping_id", r.receiptId + 7);
            s.put("shipment_notification_timestamp", r.shippedTimestamp);
            s.put("carrier_name", "UPS");
            s.put("tracking_code", r.trackingCode);
        }
        ArrayNode transactions = o.putArray("transactions");
        r.lines.forEach(line -> transactions.add(transactionJson(r, line)));
        ArrayNode refunds = o.putArray("refunds");
        r.refunds.forEach(refund -> {
            ObjectNode x = refunds.addObject();
            x.set("amount", money(r, refund.amountMinor()));
            x.put("created_timestamp", refund.createdTimestamp());
            x.put("reason", refund.reason());
            x.putNull("note_from_issuer");
            x.put("status", "REFUNDED");
        });
        r.omittedFields.forEach(o::remove);
        return o;
    }

    private ObjectNode transactionJson(SimReceipt r, SimReceipt.Line line) {
        SimShop shop = shops.get(r.shopId);
        ObjectNode t = json.createObjectNode();
        t.put("transaction_id", line.transactionId());
        t.put("title", line.title());
        t.put("description", line.title() + ", printed to order");
        t.put("seller_user_id", shop.userId());
        t.put("buyer_user_id", r.buyerUserId);
        t.put("create_timestamp", r.createdTimestamp);
        t.put("created_timestamp", r.createdTimestamp);
        t.put("paid_timestamp", r.createdTimestamp);
        if (r.shipped) {
            t.put("shipped_timestamp", r.shippedTimestamp);
        } else {
            t.putNull("shipped_timestamp");
        }
        t.put("quantity", line.quantity());
        t.put("receipt_id", r.receiptId);
        t.put("is_digital", false);
        t.put("file_data", "");
        t.put("listing_id", line.listingId());
        t.put("transaction_type", "listing");
        t.put("product_id", line.listingId() + 1);
        t.put("sku", line.sku());
        t.set("price", money(r, line.unitPriceMinor()));
        t.set("shipping_cost", money(r, 0));
        t.putArray("variations");
        t.putArray("product_data");
        return t;
    }

    /** Etsy Money in the receipt's currency: amount / divisor. */
    private ObjectNode money(SimReceipt r, long amount) {
        SimShop shop = shops.get(r.shopId);
        ObjectNode m = json.createObjectNode();
        m.put("amount", amount);
        m.put("divisor", shop.divisor());
        m.put("currency_code", r.currencyCode != null ? r.currencyCode : shop.currency());
        return m;
    }

    private void oauthError(HttpExchange exchange, int status, String error, String description) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        send(exchange, status, body);
    }

    private void error(HttpExchange exchange, int status, String message) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("error", message);
        send(exchange, status, body);
    }

    private void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String randomToken() {
        byte[] bytes = new byte[24];
        secure.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The simulator's settings; Etsy's own defaults unless changed. */
    public static final class Builder {
        private int port;
        private String keystring = "nozzlykeystring";
        private String sharedSecret = "nozzlysecret";
        private int ratePerSecond = 10;
        private int ratePerDay = 10_000;
        private double tokenErrorRate;
        private Duration accessTokenTtl = Duration.ofSeconds(3600);
        private int offsetCap = 12_000;
        private long seed = 42;

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder keystring(String keystring) {
            this.keystring = keystring;
            return this;
        }

        public Builder sharedSecret(String sharedSecret) {
            this.sharedSecret = sharedSecret;
            return this;
        }

        public Builder ratePerSecond(int ratePerSecond) {
            this.ratePerSecond = ratePerSecond;
            return this;
        }

        public Builder ratePerDay(int ratePerDay) {
            this.ratePerDay = ratePerDay;
            return this;
        }

        /** Share of token requests answered with 500, 0 to 1. */
        public Builder tokenErrorRate(double tokenErrorRate) {
            this.tokenErrorRate = tokenErrorRate;
            return this;
        }

        public Builder accessTokenTtl(Duration accessTokenTtl) {
            this.accessTokenTtl = accessTokenTtl;
            return this;
        }

        /** Highest offset the receipts endpoint accepts (Etsy: 12000); lower it to test windowed paging. */
        public Builder offsetCap(int offsetCap) {
            this.offsetCap = offsetCap;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public EtsySimulator start() {
            try {
                return new EtsySimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the Etsy simulator on port " + port, e);
            }
        }
    }

}
