package app.nozzly.printer.driver.bambu;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.io.CopyStreamAdapter;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.printer.driver.CommandRefusedException;
import app.nozzly.printer.driver.DriverListener;
import app.nozzly.printer.driver.PrinterCommandException;
import app.nozzly.printer.driver.PrinterDriver;
import app.nozzly.printer.driver.RemoteFile;
import app.nozzly.printer.driver.bambu.SerialCheckingTrustManager.Identity;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.TrustOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;

/**
 * Bambu Lab LAN mode (reference/README.md, bambu): MQTT 3.1.1 over TLS (user bblp, password = access code),
 * reports on device/{serial}/report, commands on device/{serial}/request; files over implicit FTPS.
 * MQTT runs on a Vert.x event loop; every report is handed to the printer's own executor. A printer registered
 * without its serial is identified by the CN of the CA-signed certificate it presents first.
 */
public final class BambuLanDriver implements PrinterDriver {

    private static final Logger LOG = Logger.getLogger(BambuLanDriver.class);
    private static final String USER = "bblp";
    private static final String[] FILE_DIRS = { "/", "/cache" };
    /** How long a command waits for the printer's reply; firmware that does not reply is taken to have obeyed. */
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(3);

    private final Vertx vertx;
    private final ObjectMapper json;
    private final Executor executor;
    private final BambuEndpoint endpoint;
    private final SerialCheckingTrustManager trust;
    // far from the small ids of the slicer and the app, whose replies arrive on the same topic
    private final AtomicLong sequence = new AtomicLong(ThreadLocalRandom.current().nextLong(100_000, 1_000_000));
    /** Our commands awaiting their reply, by sequence_id. */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile String serial;
    private MqttClient client;

    /**
     * Where and how to reach one printer.
     *
     * @param serial null when the printer's certificate is to name it
     * @param certificateFingerprint the certificate it was first trusted with, when its serial was learned
     * @param model the model it was registered as, null when unknown
     */
    public record BambuEndpoint(String printerId, String host, int mqttPort, int ftpsPort, String serial,
            String certificateFingerprint, String accessCode, String caPem, String model) {
    }

    private record Pending(String command, CompletableFuture<JsonNode> reply) {
    }

    public BambuLanDriver(Vertx vertx, ObjectMapper json, Executor executor, BambuEndpoint endpoint) {
        this.vertx = vertx;
        this.json = json;
        this.executor = executor;
        this.endpoint = endpoint;
        this.serial = endpoint.serial();
        this.trust = new SerialCheckingTrustManager(endpoint.caPem(), endpoint.serial(),
                endpoint.certificateFingerprint());
    }

    @Override
    public void connect(DriverListener listener) {
        MqttClientOptions options = new MqttClientOptions().setMaxMessageSize(1024 * 1024);
        options.setClientId("nozzly-" + endpoint.printerId() + "-" + Long.toHexString(System.nanoTime()))
                .setUsername(USER).setPassword(endpoint.accessCode())
                .setSsl(true).setTrustOptions(TrustOptions.wrap(trust))
                // the CN = serial check of the trust manager replaces hostname verification (printers have no DNS name)
                .setHostnameVerificationAlgorithm("")
                .setKeepAliveInterval(10).setAutoKeepAlive(true)
                .setConnectTimeout(5000);
        MqttClient mqtt = MqttClient.create(vertx, options);
        BambuReport report = new BambuReport(json.createObjectNode(), endpoint.model());
        mqtt.publishHandler(message -> {
            JsonNode parsed;
            try {
                parsed = json.readTree(message.payload().getBytes());
            } catch (IOException e) {
                LOG.warnf("printer %s sent an unreadable report: %s", endpoint.printerId(), e.getMessage());
                return;
            }
            // a reply is matched here on the event loop: the command may be waiting on the printer's own executor
            Pending ours = ownReply(parsed.path("print"));
            executor.execute(() -> {
                try {
                    boolean changed = ours != null ? report.answered(ours.command(), parsed.path("print"))
                            : report.merge(parsed);
                    if (changed) {
                        listener.onReport(report.snapshot());
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("printer %s sent an unreadable report: %s", endpoint.printerId(), e.getMessage());
                }
            });
            if (ours != null) {
                ours.reply().complete(parsed.path("print"));
            }
        });
        mqtt.closeHandler(ignored -> executor.execute(() -> listener.onConnectionLost("MQTT connection closed")));
        try {
            mqtt.connect(endpoint.mqttPort(), endpoint.host()).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            mqtt.subscribe("device/" + identify(listener) + "/report", MqttQoS.AT_MOST_ONCE.value())
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrinterCommandException("interrupted while connecting to " + endpoint.printerId(), e);
        } catch (Exception e) {
            mqtt.disconnect();
            throw new PrinterCommandException("MQTT connect to " + endpoint.host() + ":" + endpoint.mqttPort()
                    + " failed: " + rootMessage(e), e);
        }
        synchronized (this) {
            client = mqtt;
        }
        send("pushing", "pushall", null);
        send("info", "get_version", null);
    }

    /** The command of ours this message answers (same sequence_id and command), removed from the pending ones. */
    private Pending ownReply(JsonNode reply) {
        if (!reply.isObject() || !BambuReport.isCommandReply(reply)) {
            return null;
        }
        String sequenceId = reply.path("sequence_id").asText("");
        Pending candidate = pending.get(sequenceId);
        if (candidate == null || !candidate.command().equals(reply.path("command").asText())) {
            return null;
        }
        return pending.remove(sequenceId, candidate) ? candidate : null;
    }

    /** The serial to subscribe with: the configured one, or the one the certificate just named (then pinned). */
    private String identify(DriverListener listener) {
        if (serial != null) {
            return serial;
        }
        Identity identity = trust.presented().orElseThrow(() -> new PrinterCommandException("printer "
                + endpoint.printerId() + " presented no certificate to learn its serial from"));
        trust.expect(identity);
        serial = identity.serial();
        LOG.debugf("printer %s identified itself as serial %s (certificate SHA-256 %s)", endpoint.printerId(),
                identity.serial(), identity.fingerprint());
        listener.onIdentified(identity.serial(), identity.fingerprint());
        return serial;
    }

    @Override
    public void refresh() {
        send("pushing", "pushall", null);
    }

    @Override
    public void pause() {
        send("print", "pause", null);
    }

    @Override
    public void resume() {
        send("print", "resume", null);
    }

    @Override
    public void stop() {
        send("print", "stop", null);
    }

    @Override
    public void startPrint(String path, Integer amsSlot) {
        ObjectNode extra = json.createObjectNode();
        String name = path.substring(path.lastIndexOf('/') + 1);
        extra.put("param", "Metadata/plate_1.gcode");
        extra.put("url", "ftp://" + (path.startsWith("/") ? path : "/" + path));
        extra.put("subtask_name", name.replaceFirst("\\.3mf$", ""));
        extra.put("file", name);
        extra.put("bed_leveling", true);
        extra.put("timelapse", false);
        extra.put("use_ams", amsSlot != null);
        if (amsSlot != null) {
            extra.putArray("ams_mapping").add(amsSlot - 1);
        }
        send("print", "project_file", extra);
    }

    private void send(String family, String command, ObjectNode extra) {
        MqttClient mqtt;
        synchronized (this) {
            mqtt = client;
        }
        if (mqtt == null || !mqtt.isConnected()) {
            throw new PrinterCommandException("printer " + endpoint.printerId() + " is not connected");
        }
        ObjectNode body = json.createObjectNode();
        ObjectNode inner = body.putObject(family);
        String sequenceId = Long.toString(sequence.incrementAndGet());
        inner.put("sequence_id", sequenceId);
        inner.put("command", command);
        if (extra != null) {
            inner.setAll(extra);
        } else if ("print".equals(family)) {
            inner.put("param", "");
        }
        // print commands are answered on the report topic; pushall and get_version by reports
        Pending waiting = "print".equals(family) ? new Pending(command, new CompletableFuture<>()) : null;
        if (waiting != null) {
            pending.put(sequenceId, waiting);
        }
        try {
            mqtt.publish("device/" + serial + "/request", Buffer.buffer(json.writeValueAsBytes(body)),
                    MqttQoS.AT_MOST_ONCE, false, false).toCompletionStage().toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);
            if (waiting != null) {
                check(command, awaitReply(waiting, sequenceId));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrinterCommandException("interrupted while sending " + command, e);
        } catch (PrinterCommandException e) {
            throw e;
        } catch (Exception e) {
            throw new PrinterCommandException("sending " + command + " to " + endpoint.printerId() + " failed: "
                    + rootMessage(e), e);
        } finally {
            pending.remove(sequenceId);
        }
    }

    /** The printer's reply, or an empty object when it sent none in time. */
    private JsonNode awaitReply(Pending waiting, String sequenceId) throws InterruptedException, ExecutionException {
        try {
            return waiting.reply().get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.debugf("printer %s did not reply to %s (sequence_id %s) within %s", endpoint.printerId(),
                    waiting.command(), sequenceId, REPLY_TIMEOUT);
            return json.createObjectNode();
        }
    }

    /** Raises the printer's refusal for lack of authorization; other refusals are the printer's state to report. */
    private void check(String command, JsonNode reply) {
        if (BambuReport.refusedForAuthorization(reply)) {
            throw new CommandRefusedException(endpoint.printerId(), command, BambuReport.errorCode(reply),
                    BambuReport.reason(reply));
        }
        if (BambuReport.failed(reply)) {
            LOG.infof("printer %s refused %s: %s", endpoint.printerId(), command, BambuReport.reason(reply));
        }
    }

    @Override
    public List<RemoteFile> listFiles() {
        ReusingFtpsClient ftp = ftps();
        try {
            List<RemoteFile> files = new ArrayList<>();
            for (String dir : FILE_DIRS) {
                FTPFile[] entries = ftp.listFiles(dir);
                if (entries == null) {
                    continue;
                }
                for (FTPFile entry : entries) {
                    if (entry != null && entry.isFile()) {
                        String path = ("/".equals(dir) ? "" : dir) + "/" + entry.getName();
                        Instant modified = entry.getTimestamp() == null ? null : entry.getTimestamp().toInstant();
                        files.add(new RemoteFile(path, entry.getName(), entry.getSize(), modified));
                    }
                }
            }
            return files;
        } catch (IOException e) {
            throw new PrinterCommandException("listing files of " + endpoint.printerId() + " failed: " + e.getMessage(), e);
        } finally {
            disconnect(ftp);
        }
    }

    @Override
    public Optional<RemoteFile.Description> describe(String path) {
        return Optional.empty();
    }

    @Override
    public String uploadPath(String name) {
        return "/cache/" + name;
    }

    @Override
    public void upload(String path, byte[] content) {
        ReusingFtpsClient ftp = ftps();
        try {
            if (!ftp.storeFile(path, new ByteArrayInputStream(content))) {
                throw new PrinterCommandException("printer " + endpoint.printerId() + " refused to store " + path
                        + ": " + ftp.getReplyString().trim());
            }
        } catch (IOException e) {
            throw new PrinterCommandException("uploading " + path + " to " + endpoint.printerId() + " failed: "
                    + e.getMessage(), e);
        } finally {
            disconnect(ftp);
        }
    }

    @Override
    public void download(String path, OutputStream target, LongConsumer progress) {
        ReusingFtpsClient ftp = ftps();
        try {
            ftp.setCopyStreamListener(new CopyStreamAdapter() {
                @Override
                public void bytesTransferred(long total, int bytes, long size) {
                    progress.accept(total);
                }
            });
            if (!ftp.retrieveFile(path, target)) {
                throw new PrinterCommandException("printer " + endpoint.printerId() + " refused to send " + path
                        + ": " + ftp.getReplyString().trim());
            }
        } catch (IOException e) {
            throw new PrinterCommandException("downloading " + path + " from " + endpoint.printerId() + " failed: "
                    + e.getMessage(), e);
        } finally {
            disconnect(ftp);
        }
    }

    private ReusingFtpsClient ftps() {
        ReusingFtpsClient ftp = new ReusingFtpsClient(trust.sslContext());
        ftp.setConnectTimeout(5000);
        ftp.setDefaultTimeout(10000);
        try {
            ftp.connect(endpoint.host(), endpoint.ftpsPort());
            ftp.setSoTimeout(10000);
            if (!ftp.login(USER, endpoint.accessCode())) {
                throw new PrinterCommandException("FTPS login to " + endpoint.printerId() + " refused");
            }
            ftp.execPBSZ(0);
            ftp.execPROT("P");
            ftp.enterLocalPassiveMode();
            ftp.setFileType(FTP.BINARY_FILE_TYPE);
            return ftp;
        } catch (IOException e) {
            disconnect(ftp);
            throw new PrinterCommandException("FTPS connect to " + endpoint.host() + ":" + endpoint.ftpsPort()
                    + " failed: " + e.getMessage(), e);
        }
    }

    private static void disconnect(ReusingFtpsClient ftp) {
        try {
            if (ftp.isConnected()) {
                ftp.logout();
                ftp.disconnect();
            }
        } catch (IOException e) {
            LOG.debugf("FTPS disconnect: %s", e.getMessage());
        }
    }

    @Override
    public void close() {
        MqttClient mqtt;
        synchronized (this) {
            mqtt = client;
            client = null;
        }
        if (mqtt != null && mqtt.isConnected()) {
            mqtt.closeHandler(null);
            mqtt.disconnect();
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
