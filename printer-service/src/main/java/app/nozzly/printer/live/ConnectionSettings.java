package app.nozzly.printer.live;

import app.nozzly.printer.printers.ConnectionType;
import app.nozzly.printer.printers.PrinterType;

/**
 * What a driver needs to reach one printer, read from its configuration row. A Bambu printer added without a
 * serial has none until its first connection names it ({@link #identified}). A printer with an agent is reached
 * through that edge agent, on the agent's network.
 */
public record ConnectionSettings(String tenant, String printerId, PrinterType type, ConnectionType connectionType,
        String model, String host, Integer port, Integer ftpsPort, String serial, String certificateFingerprint,
        String accessCode, String username, String caPem, String agentId) {

    /** The same printer, now known by the serial and certificate it presented. */
    public ConnectionSettings identified(String learnedSerial, String fingerprint) {
        return new ConnectionSettings(tenant, printerId, type, connectionType, model, host, port, ftpsPort,
                learnedSerial, fingerprint, accessCode, username, caPem, agentId);
    }
}
