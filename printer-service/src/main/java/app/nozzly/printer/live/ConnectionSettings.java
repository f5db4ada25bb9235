package app.nozzly.printer.live;

/** What a driver needs to reach one printer, read from its configuration row. */
public record ConnectionSettings(String tenant, String printerId, String type, String connectionType, String model,
        String host, Integer port, Integer ftpsPort, String serial, String accessCode, String username, String caPem) {
}
