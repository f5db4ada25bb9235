package app.nozzly.sim.bambu;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import io.vertx.mqtt.MqttTopicSubscription;
import io.vertx.mqtt.messages.MqttPublishMessage;

/**
 * The printer's MQTT 3.1.1 broker over TLS: user "bblp" with the LAN access code, a handful of connections at most,
 * reports published on device/{serial}/report, commands received on device/{serial}/request.
 */
final class BambuMqttBroker {

    private static final System.Logger LOG = System.getLogger(BambuMqttBroker.class.getName());
    private static final Duration WAIT = Duration.ofSeconds(10);
    static final String USERNAME = "bblp";

    private final Vertx vertx;
    private final String serial;
    private final String accessCode;
    private final int maxConnections;
    private final ServerIdentity identity;
    private final Consumer<JsonObject> requestHandler;
    private final Map<MqttEndpoint, Set<String>> subscriptions = new ConcurrentHashMap<>();
    private volatile MqttServer server;
    private volatile boolean accepting;
    private volatile int port;

    BambuMqttBroker(Vertx vertx, String serial, String accessCode, int maxConnections, ServerIdentity identity,
            Consumer<JsonObject> requestHandler) {
        this.vertx = vertx;
        this.serial = serial;
        this.accessCode = accessCode;
        this.maxConnections = maxConnections;
        this.identity = identity;
        this.requestHandler = requestHandler;
    }

    String reportTopic() {
        return "device/" + serial + "/report";
    }

    String requestTopic() {
        return "device/" + serial + "/request";
    }

    int port() {
        return port;
    }

    void listen(int requestedPort) {
        MqttServerOptions options = new MqttServerOptions()
                .setHost("127.0.0.1")
                .setPort(requestedPort)
                .setSsl(true)
                .setKeyCertOptions(new PemKeyCertOptions()
                        .setKeyValue(Buffer.buffer(identity.privateKeyPem()))
                        .setCertValue(Buffer.buffer(identity.certificateChainPem())));
        MqttServer created = MqttServer.create(vertx, options);
        created.endpointHandler(this::onConnect);
        accepting = true;
        MqttServer listening = await(created.listen(), "listen on port " + requestedPort);
        port = listening.actualPort();
        server = listening;
    }

    /** Stops listening and closes every client connection. */
    void disconnect() {
        accepting = false;
        MqttServer current = server;
        server = null;
        List<MqttEndpoint> endpoints = new ArrayList<>(subscriptions.keySet());
        subscriptions.clear();
        for (MqttEndpoint endpoint : endpoints) {
            vertx.runOnContext(ignored -> {
                if (endpoint.isConnected()) {
                    endpoint.close();
                }
            });
        }
        if (current != null) {
            await(current.close(), "close");
        }
    }

    int connections() {
        return subscriptions.size();
    }

    /** Publishes a report to every client subscribed to the report topic (QoS 0, like the printer). */
    void publishReport(JsonObject report) {
        Buffer payload = report.toBuffer();
        String topic = reportTopic();
        subscriptions.forEach((endpoint, filters) -> {
            if (endpoint.isConnected() && filters.stream().anyMatch(filter -> matches(filter, topic))) {
                endpoint.publish(topic, payload, MqttQoS.AT_MOST_ONCE, false, false);
            }
        });
    }

    private void onConnect(MqttEndpoint endpoint) {
        if (!accepting) {
            endpoint.reject(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
            return;
        }
        if (endpoint.auth() == null || !USERNAME.equals(endpoint.auth().getUsername())
                || !accessCode.equals(endpoint.auth().getPassword())) {
            LOG.log(System.Logger.Level.INFO, "printer " + serial + ": refused MQTT client "
                    + endpoint.clientIdentifier() + ": bad user name or access code");
            endpoint.reject(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
            return;
        }
        String clientId = endpoint.clientIdentifier();
        if (clientId != null && !clientId.isEmpty()) {
            // MQTT 3.1.1: a new connection with the same client id takes over the old one
            for (MqttEndpoint existing : List.copyOf(subscriptions.keySet())) {
                if (clientId.equals(existing.clientIdentifier())) {
                    subscriptions.remove(existing);
                    existing.close();
                }
            }
        }
        if (subscriptions.size() >= maxConnections) {
            LOG.log(System.Logger.Level.INFO, "printer " + serial + ": refused MQTT client " + clientId
                    + ": already " + maxConnections + " connections");
            endpoint.reject(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
            return;
        }
        Set<String> filters = ConcurrentHashMap.newKeySet();
        subscriptions.put(endpoint, filters);
        endpoint.subscribeHandler(subscribe -> {
            List<MqttQoS> granted = new ArrayList<>();
            for (MqttTopicSubscription subscription : subscribe.topicSubscriptions()) {
                filters.add(subscription.topicName());
                granted.add(subscription.qualityOfService() == MqttQoS.AT_MOST_ONCE ? MqttQoS.AT_MOST_ONCE
                        : MqttQoS.AT_LEAST_ONCE);
            }
            endpoint.subscribeAcknowledge(subscribe.messageId(), granted);
        });
        endpoint.unsubscribeHandler(unsubscribe -> {
            unsubscribe.topics().forEach(filters::remove);
            endpoint.unsubscribeAcknowledge(unsubscribe.messageId());
        });
        endpoint.publishHandler(message -> onPublish(endpoint, message));
        endpoint.publishReleaseHandler(endpoint::publishComplete);
        endpoint.closeHandler(ignored -> subscriptions.remove(endpoint));
        endpoint.exceptionHandler(error -> LOG.log(System.Logger.Level.DEBUG,
                "printer " + serial + ": MQTT client " + clientId + " failed: " + error));
        endpoint.accept(false);
    }

    private void onPublish(MqttEndpoint endpoint, MqttPublishMessage message) {
        if (message.qosLevel() == MqttQoS.AT_LEAST_ONCE) {
            endpoint.publishAcknowledge(message.messageId());
        } else if (message.qosLevel() == MqttQoS.EXACTLY_ONCE) {
            endpoint.publishReceived(message.messageId());
        }
        if (!requestTopic().equals(message.topicName())) {
            LOG.log(System.Logger.Level.DEBUG, "printer " + serial + ": ignored publish on " + message.topicName());
            return;
        }
        try {
            requestHandler.accept(new JsonObject(message.payload()));
        } catch (DecodeException e) {
            LOG.log(System.Logger.Level.INFO, "printer " + serial + ": ignored request that is not JSON: " + e.getMessage());
        }
    }

    static boolean matches(String filter, String topic) {
        String[] filterLevels = filter.split("/", -1);
        String[] topicLevels = topic.split("/", -1);
        for (int i = 0; i < filterLevels.length; i++) {
            if (filterLevels[i].equals("#")) {
                return true;
            }
            if (i >= topicLevels.length || !(filterLevels[i].equals("+") || filterLevels[i].equals(topicLevels[i]))) {
                return false;
            }
        }
        return filterLevels.length == topicLevels.length;
    }

    private <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while MQTT of printer " + serial + " tried to " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("MQTT of printer " + serial + " could not " + what, e);
        }
    }
}
