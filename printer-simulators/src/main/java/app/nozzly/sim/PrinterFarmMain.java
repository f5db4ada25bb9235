package app.nozzly.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import app.nozzly.sim.bambu.BambuCertificateAuthority;
import app.nozzly.sim.bambu.BambuModel;
import app.nozzly.sim.bambu.BambuPrinterSimulator;
import app.nozzly.sim.prusa.PrusaLinkSimulator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The printer farm of the local stack: a Bambu A1 without AMS (MQTT 18883, FTPS 18990), a Bambu X1C with AMS (MQTT 18884,
 * FTPS 18991) and a Prusa Core One (HTTP 18800), kept printing random jobs in accelerated time (now and then one
 * fails). Writes &lt;dir&gt;/printers.json and &lt;dir&gt;/bambu-ca.pem for the services to connect.
 * Usage: java -cp printer-simulators.jar:lib/* app.nozzly.sim.PrinterFarmMain --dir DIR [--time-scale 30]
 * [--port-offset N] (N added to every port, so that a second stack can run beside the first) [--no-jobs] (the
 * printers print only what they are sent) [--authorization-locked] (a fourth printer, a Bambu P1P on MQTT 18885 and
 * FTPS 18992, refuses third-party commands as 2025 firmware without Developer Mode does)
 */
public final class PrinterFarmMain {

    private static final System.Logger LOG = System.getLogger(PrinterFarmMain.class.getName());
    private static final List<String> PARTS = List.of("bracket", "cable_clip", "phone_stand", "gear_small",
            "hinge", "lid", "knob", "spool_holder", "hook", "enclosure_corner");
    private static final Set<String> BAMBU_IDLE = Set.of("IDLE", "FINISH", "FAILED");
    private static final Set<String> PRUSA_IDLE = Set.of("IDLE", "READY", "FINISHED", "STOPPED", "ERROR");
    private static final Duration PAUSE_BETWEEN_JOBS = Duration.ofSeconds(15);
    private static final double FAILURE_RATE = 0.1;

    private final Random random = new SecureRandom();
    private final List<AutoCloseable> printers = new ArrayList<>();
    private final boolean freePorts;
    private final int portOffset;
    private final Duration pauseBetweenJobs;
    private final boolean ownJobs;
    private final boolean lockedPrinter;

    private PrinterFarmMain(boolean freePorts, int portOffset, Duration pauseBetweenJobs, boolean ownJobs,
            boolean lockedPrinter) {
        this.freePorts = freePorts;
        this.portOffset = portOffset;
        this.pauseBetweenJobs = pauseBetweenJobs;
        this.ownJobs = ownJobs;
        this.lockedPrinter = lockedPrinter;
    }

    /** Starts the farm; freePorts replaces the fixed ports by free ones (tests must not take the stack's ports). */
    static PrinterFarmMain start(Path dir, double timeScale, boolean freePorts, Duration pauseBetweenJobs)
            throws IOException {
        return start(dir, timeScale, freePorts, 0, pauseBetweenJobs, true, false);
    }

    private static PrinterFarmMain start(Path dir, double timeScale, boolean freePorts, int portOffset,
            Duration pauseBetweenJobs, boolean ownJobs, boolean lockedPrinter) throws IOException {
        PrinterFarmMain farm = new PrinterFarmMain(freePorts, portOffset, pauseBetweenJobs, ownJobs, lockedPrinter);
        try {
            farm.run(dir, timeScale);
        } catch (IOException | RuntimeException e) {
            farm.close();
            throw e;
        }
        return farm;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = null;
        double timeScale = 30.0;
        int portOffset = 0;
        boolean ownJobs = true;
        boolean lockedPrinter = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(requireValue(args, ++i, "--dir"));
                case "--time-scale" -> timeScale = Double.parseDouble(requireValue(args, ++i, "--time-scale"));
                case "--port-offset" -> portOffset = Integer.parseInt(requireValue(args, ++i, "--port-offset"));
                case "--no-jobs" -> ownJobs = false;
                case "--authorization-locked" -> lockedPrinter = true;
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (dir == null) {
            usage("--dir is required");
        }
        PrinterFarmMain farm = start(dir, timeScale, false, portOffset, PAUSE_BETWEEN_JOBS, ownJobs,
                lockedPrinter);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            farm.close();
            stopped.countDown();
        }, "printer-farm-shutdown"));
        stopped.await();
    }

    private void run(Path dir, double timeScale) throws IOException {
        Files.createDirectories(dir);
        BambuCertificateAuthority ca = BambuCertificateAuthority.generate();
        Path caFile = dir.resolve("bambu-ca.pem").toAbsolutePath();
        Files.writeString(caFile, ca.certificatePem(), StandardCharsets.US_ASCII);

        BambuPrinterSimulator a1 = bambu(ca, BambuModel.A1, "0309DA4B0200001", false, 18883, 18990, timeScale, false);
        BambuPrinterSimulator x1c = bambu(ca, BambuModel.X1C, "00M09A3B1000002", true, 18884, 18991, timeScale,
                false);
        PrusaLinkSimulator coreOne = PrusaLinkSimulator.builder()
                .model("Core One")
                .name("Prusa Core One #1")
                .username("maker")
                .password(secret(10))
                .port(port(18800))
                .timeScale(timeScale)
                .start();
        printers.add(coreOne);
        for (String part : PARTS.subList(0, 4)) {
            coreOne.addFile("usb", "/" + part + ".bgcode", PrintFiles.prusaBgcode(slice(), PrintFiles.thumbnailPng(16,
                    random.nextInt(0x1000000))));
        }

        JsonArray described = new JsonArray()
                .add(describe(a1, "Bambu Lab A1 #1", caFile))
                .add(describe(x1c, "Bambu Lab X1C #1", caFile))
                .add(new JsonObject()
                        .put("kind", "prusa")
                        .put("model", coreOne.model())
                        .put("name", "Prusa Core One #1")
                        .put("serial", coreOne.serial())
                        .put("url", coreOne.url())
                        .put("username", coreOne.username())
                        .put("password", coreOne.password()));
        if (lockedPrinter) {
            described.add(describe(bambu(ca, BambuModel.P1P, "01S00C3B1000003", true, 18885, 18992, timeScale, true),
                    "Bambu Lab P1P #1", caFile).put("authorization_locked", true));
        }
        Path printersFile = dir.resolve("printers.json");
        Path written = dir.resolve("printers.json.tmp");
        Files.writeString(written, described.encodePrettily(), StandardCharsets.UTF_8);
        Files.move(written, printersFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.log(System.Logger.Level.INFO, "printer farm running at time scale " + timeScale + "; described in "
                + printersFile.toAbsolutePath());

        if (!ownJobs) {
            return;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "printer-farm");
            thread.setDaemon(true);
            return thread;
        });
        printers.add(scheduler::shutdownNow);
        keepPrinting(scheduler, "A1", () -> BAMBU_IDLE.contains(a1.gcodeState()),
                (file, time, outcome, grams) -> a1.startPrint(file + ".3mf", time, outcome, grams));
        keepPrinting(scheduler, "X1C", () -> BAMBU_IDLE.contains(x1c.gcodeState()),
                (file, time, outcome, grams) -> x1c.startPrint(file + ".3mf", time, outcome, grams));
        keepPrinting(scheduler, "Core One", () -> PRUSA_IDLE.contains(coreOne.state()),
                (file, time, outcome, grams) -> coreOne.startPrint(file + ".bgcode", time, outcome, grams));
    }

    private BambuPrinterSimulator bambu(BambuCertificateAuthority ca, BambuModel model, String serial, boolean ams,
            int mqttPort, int ftpsPort, double timeScale, boolean locked) {
        BambuPrinterSimulator printer = BambuPrinterSimulator.builder()
                .serial(serial)
                .model(model)
                .accessCode(secret(8))
                .ams(ams)
                .timeScale(timeScale)
                .reportInterval(Duration.ofSeconds(1))
                .mqttPort(port(mqttPort))
                .ftpsPort(port(ftpsPort))
                .certificateAuthority(ca)
                .authorizationLocked(locked)
                .start();
        printers.add(printer);
        for (String part : PARTS.subList(0, 3)) {
            printer.addFile("/cache/" + part + ".3mf", PrintFiles.bambu3mf(slice(), PrintFiles.thumbnailPng(16,
                    random.nextInt(0x1000000))));
        }
        return printer;
    }

    /** A sliced plate of 20 to 90 minutes and 5 to 60 g, the range the farm's own jobs print in. */
    private PrintFiles.Slice slice() {
        return PrintFiles.Slice.pla(Duration.ofMinutes(20 + random.nextInt(70)),
                Math.round((5 + random.nextDouble() * 55) * 10) / 10.0);
    }

    private static JsonObject describe(BambuPrinterSimulator printer, String name, Path caFile) {
        return new JsonObject()
                .put("kind", "bambu")
                .put("model", printer.model().name())
                .put("name", name)
                .put("serial", printer.serial())
                .put("host", printer.host())
                .put("mqtt_port", printer.mqttPort())
                .put("ftps_port", printer.ftpsPort())
                .put("access_code", printer.accessCode())
                .put("ca_certificate_path", caFile.toString());
    }

    /** Starts a random job on the printer whenever it has been idle for a while; an operator's own job wins. */
    private void keepPrinting(ScheduledExecutorService scheduler, String label, BooleanSupplier idle, JobStarter starter) {
        long[] idleSince = {0};
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                if (!idle.getAsBoolean()) {
                    idleSince[0] = 0;
                    return;
                }
                long now = System.nanoTime();
                if (idleSince[0] == 0) {
                    idleSince[0] = now;
                }
                if (now - idleSince[0] < pauseBetweenJobs.toNanos()) {
                    return;
                }
                String part = PARTS.get(random.nextInt(PARTS.size()));
                Duration printTime = Duration.ofMinutes(20 + random.nextInt(70));
                PrintOutcome outcome = random.nextDouble() < FAILURE_RATE ? PrintOutcome.FAILED : PrintOutcome.FINISH;
                double grams = Math.round((5 + random.nextDouble() * 55) * 10) / 10.0;
                starter.start(part, printTime, outcome, grams);
                idleSince[0] = 0;
                LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, "%s: printing %s for %d min (%s), %.1f g",
                        label, part, printTime.toMinutes(), outcome, grams));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, label + ": could not start the next job", e);
            }
        }, 200, 500, TimeUnit.MILLISECONDS);
    }

    private int port(int fixed) {
        return freePorts ? 0 : fixed + portOffset;
    }

    void close() {
        // newest first: the job scheduler stops before the printers it drives
        List<AutoCloseable> newestFirst = new ArrayList<>(printers);
        java.util.Collections.reverse(newestFirst);
        for (AutoCloseable printer : newestFirst) {
            try {
                printer.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "printer did not close cleanly", e);
            }
        }
    }

    private String secret(int digits) {
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            secret.append(random.nextInt(10));
        }
        return secret.toString();
    }

    private static String requireValue(String[] args, int index, String option) {
        if (index >= args.length) {
            usage(option + " needs a value");
        }
        return args[index];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: java -cp printer-simulators.jar:lib/* app.nozzly.sim.PrinterFarmMain --dir DIR"
                + " [--time-scale 30] [--port-offset N] [--no-jobs] [--authorization-locked]");
        System.exit(2);
    }

    @FunctionalInterface
    private interface JobStarter {
        void start(String part, Duration printTime, PrintOutcome outcome, double filamentGrams);
    }
}
