package app.nozzly.printer.driver;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.printer.driver.bambu.BambuLanDriver;
import app.nozzly.printer.driver.prusa.PrusaLinkDriver;
import io.vertx.core.Vertx;

/**
 * Everything needed to reach one printer over its LAN protocol, defaults resolved: what printer-service connects
 * to itself, and what it hands to the edge agent of the printer's network.
 *
 * @param protocol             {@code bambu} (MQTT over TLS and implicit FTPS) or {@code prusa} (PrusaLink HTTP)
 * @param host                 host name or address, for PrusaLink also a base URL
 * @param port                 MQTT port (Bambu) or HTTP port (PrusaLink, null: the URL's)
 * @param serial               a Bambu printer's serial, its certificate's CN; null until the printer names it
 * @param certificateFingerprint SHA-256 of the certificate a Bambu printer presented first (pinned from then on)
 * @param caPem                the CA a Bambu printer's certificate chains to
 * @param pollIntervalMillis   how often PrusaLink is asked for its status
 */
public record PrinterEndpoint(String protocol, String printerId, String model, String host, Integer port,
        Integer ftpsPort, String serial, String certificateFingerprint, String accessCode, String username,
        String caPem, long pollIntervalMillis) {

    public static final String BAMBU = "bambu";
    public static final String PRUSA = "prusa";

    /** The same printer, now known by the serial and certificate it presented. */
    public PrinterEndpoint identified(String learnedSerial, String fingerprint) {
        return new PrinterEndpoint(protocol, printerId, model, host, port, ftpsPort, learnedSerial, fingerprint,
                accessCode, username, caPem, pollIntervalMillis);
    }

    /** A driver for this printer, not yet connected; its reports and timers run on {@code executor}. */
    public PrinterDriver driver(Vertx vertx, ObjectMapper json, ScheduledExecutorService executor) {
        if (PRUSA.equals(protocol)) {
            String base = host.startsWith("http") ? host : "http://" + host + (port == null ? "" : ":" + port);
            return new PrusaLinkDriver(json, executor, new PrusaLinkDriver.PrusaEndpoint(printerId,
                    base.replaceAll("/+$", ""), username, accessCode, Duration.ofMillis(pollIntervalMillis), model));
        }
        if (BAMBU.equals(protocol)) {
            return new BambuLanDriver(vertx, json, executor, new BambuLanDriver.BambuEndpoint(printerId, host, port,
                    ftpsPort, serial, certificateFingerprint, accessCode, caPem, model));
        }
        throw new IllegalArgumentException("printer " + printerId + ": unknown protocol " + protocol);
    }

    @Override
    public String toString() {
        return "PrinterEndpoint[" + protocol + " " + printerId + " at " + host + (port == null ? "" : ":" + port)
                + "]";
    }
}
