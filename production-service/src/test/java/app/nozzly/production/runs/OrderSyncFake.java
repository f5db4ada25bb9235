package app.nozzly.production.runs;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * order-sync-service is an external system to these tests: a JDK HttpServer on a free port answering
 * GET /api/orders/{id} with the specs/002 order detail (items with sku) of the orders a test put here.
 */
public class OrderSyncFake implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, Map<String, Object>> ORDERS = new ConcurrentHashMap<>();
    /** Authorization headers received, so a test can see the caller's token was forwarded. */
    static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();

    private HttpServer server;

    /** An order as GET /api/orders/{id} shows it; items are {id, title, sku, quantity, price}. */
    static void order(long id, List<Map<String, Object>> items) {
        ORDERS.put(String.valueOf(id), Map.of("id", id, "etsy_order_id", "R" + id, "buyer_name", "Ada Buyer",
                "status", "paid", "production_status", "pending", "total_amount", 60.0, "currency", "EUR",
                "items", items));
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("fake order-sync could not listen", e);
        }
        server.createContext("/api/orders/", this::answer);
        server.start();
        return Map.of("nozzly.clients.order-sync.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        String id = exchange.getRequestURI().getPath().substring("/api/orders/".length());
        Map<String, Object> order = ORDERS.get(id);
        byte[] body = json(order != null ? order : Map.of("error", "Order not found", "status", 404));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(order != null ? 200 : 404, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
