package app.nozzly.sim.bambu;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.TrustOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;

/**
 * What a LAN client of a Bambu printer does: MQTT over TLS trusting only the given CA, checking itself that the
 * certificate's CN is the printer serial (the printer is reached by IP, the certificate has no SAN), user bblp.
 */
public final class BambuMqttTestClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Vertx vertx;
    private final MqttClient client;
    private final String serial;
    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    private BambuMqttTestClient(Vertx vertx, MqttClient client, String serial) {
        this.vertx = vertx;
        this.client = client;
        this.serial = serial;
    }

    /** Connects and subscribes to device/{serial}/report; fails with the broker's refusal or the TLS error. */
    public static BambuMqttTestClient connect(String host, int port, String serial, String accessCode, String caPem,
            String clientId) throws Exception {
        Vertx vertx = Vertx.vertx();
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(clientId)
                .setUsername("bblp")
                .setPassword(accessCode)
                .setSsl(true)
                .setHostnameVerificationAlgorithm("")
                .setTrustOptions(TrustOptions.wrap(new SerialCheckingTrustManager(caPem, serial)))
                .setMaxInflightQueue(50)
                .setMaxMessageSize(1024 * 1024);
        MqttClient client = MqttClient.create(vertx, options);
        BambuMqttTestClient testClient = new BambuMqttTestClient(vertx, client, serial);
        client.publishHandler(message -> testClient.messages.add(new JsonObject(message.payload())));
        client.closeHandler(ignored -> testClient.closed = true);
        try {
            client.connect(port, host).toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            client.subscribe("device/" + serial + "/report", 0).toCompletionStage().toCompletableFuture()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
        return testClient;
    }

    static BambuMqttTestClient connect(BambuPrinterSimulator printer, String clientId) throws Exception {
        return connect(printer.host(), printer.mqttPort(), printer.serial(), printer.accessCode(),
                printer.caCertificatePem(), clientId);
    }

    void send(JsonObject request) throws Exception {
        client.publish("device/" + serial + "/request", request.toBuffer(), MqttQoS.AT_MOST_ONCE, false, false)
                .toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void pushall() throws Exception {
        send(new JsonObject().put("pushing", new JsonObject().put("sequence_id", "0").put("command", "pushall")));
    }

    JsonObject command(String command, String sequenceId) throws Exception {
        send(new JsonObject().put("print", new JsonObject().put("sequence_id", sequenceId).put("command", command)
                .put("param", "")));
        return await(message -> message.getJsonObject("print") != null
                && command.equals(message.getJsonObject("print").getString("command"))
                && sequenceId.equals(message.getJsonObject("print").getString("sequence_id")));
    }

    /** Waits for the next message that matches, dropping the others. */
    public JsonObject await(Predicate<JsonObject> predicate) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject message = messages.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && predicate.test(message)) {
                return message;
            }
        }
        throw new AssertionError("no matching MQTT message within " + TIMEOUT);
    }

    /** The next report message of any kind. */
    JsonObject next() throws InterruptedException {
        JsonObject message = messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no MQTT message within " + TIMEOUT);
        }
        return message;
    }

    boolean isConnected() {
        return client.isConnected() && !closed;
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception ignored) {
            // the broker may already have dropped us (printer offline); closing Vert.x releases everything
        } finally {
            vertx.close();
        }
    }

    /** Trusts only certificates chaining to the given CA and only when the leaf's CN is the printer serial. */
    static final class SerialCheckingTrustManager implements X509TrustManager {
        private final X509TrustManager caTrust;
        private final String serial;

        SerialCheckingTrustManager(String caPem, String serial) throws Exception {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            X509Certificate ca = (X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            trustStore.setCertificateEntry("bambu-ca", ca);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            this.caTrust = (X509TrustManager) trust.getTrustManagers()[0];
            this.serial = serial;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            caTrust.checkServerTrusted(chain, authType);
            String commonName = commonName(chain[0]);
            if (!serial.equals(commonName)) {
                throw new CertificateException("certificate CN " + commonName + " is not printer serial " + serial);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not used");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return caTrust.getAcceptedIssuers();
        }

        static String commonName(X509Certificate certificate) throws CertificateException {
            try {
                for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                    if (rdn.getType().equalsIgnoreCase("CN")) {
                        return rdn.getValue().toString();
                    }
                }
                return null;
            } catch (javax.naming.InvalidNameException e) {
                throw new CertificateException("unreadable subject " + certificate.getSubjectX500Principal(), e);
            }
        }
    }
}
