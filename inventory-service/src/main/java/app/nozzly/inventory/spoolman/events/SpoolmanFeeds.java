package app.nozzly.inventory.spoolman.events;

import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * The three shapes of Spoolman's feeds. The key and tenant are checked at the upgrade (SpoolmanUpgradeCheck);
 * a message from the client is answered {@code {"status":"healthy"}}, as Spoolman answers it.
 */
public final class SpoolmanFeeds {

    static final String PREFIX = "spoolman-feed";
    static final String ALL = PREFIX + "-all";

    private SpoolmanFeeds() {
    }

    /** Every change of the tenant: {@code /api/v1/}. */
    @WebSocket(path = "/spoolman/{key}/api/v1/", endpointId = ALL)
    public static class All {

        @OnTextMessage
        String ping(String message) {
            return SpoolmanSockets.HEALTHY;
        }
    }

    /** Every change of one resource: {@code /api/v1/spool}, filament, vendor, setting. */
    @WebSocket(path = "/spoolman/{key}/api/v1/{resource}", endpointId = PREFIX + "-resource")
    public static class OfResource {

        @OnOpen
        void open(WebSocketConnection connection) {
            connection.userData().put(SpoolmanSockets.RESOURCE, connection.pathParam("resource"));
        }

        @OnTextMessage
        String ping(String message) {
            return SpoolmanSockets.HEALTHY;
        }
    }

    /** The changes of one item: {@code /api/v1/spool/5}. */
    @WebSocket(path = "/spoolman/{key}/api/v1/{resource}/{id}", endpointId = PREFIX + "-item")
    public static class OfItem {

        @OnOpen
        void open(WebSocketConnection connection) {
            connection.userData().put(SpoolmanSockets.RESOURCE, connection.pathParam("resource"));
            connection.userData().put(SpoolmanSockets.ITEM, connection.pathParam("id"));
        }

        @OnTextMessage
        String ping(String message) {
            return SpoolmanSockets.HEALTHY;
        }
    }
}
