package app.nozzly.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the clients hold at once across every event loop: requests in progress and WebSocket tunnels per client
 * address, and tunnels in all.
 */
record ClientShares(Map<String, Integer> inFlight, Map<String, Integer> sockets, AtomicInteger openSockets) {

    ClientShares() {
        this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new AtomicInteger());
    }

    /** Takes one of the client's places if it has one left; the map's per-key compute makes it atomic. */
    static boolean acquire(Map<String, Integer> counters, String client, int limit) {
        boolean[] taken = new boolean[1];
        counters.compute(client, (c, count) -> {
            int held = count == null ? 0 : count;
            taken[0] = held < limit;
            return taken[0] ? held + 1 : count;
        });
        return taken[0];
    }

    static void release(Map<String, Integer> counters, String client) {
        counters.computeIfPresent(client, (c, count) -> count <= 1 ? null : count - 1);
    }
}
