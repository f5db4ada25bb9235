package app.nozzly.printer.printers.service;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.errors.ApiException;
import app.nozzly.printer.live.ConnectionManager;
import app.nozzly.printer.live.ConnectionSettings;
import app.nozzly.printer.live.LiveKey;
import app.nozzly.printer.materials.AmsTray;
import app.nozzly.printer.notifications.NotificationSetting;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.printers.api.PrinterApi.CreateBambuPrinter;
import app.nozzly.printer.printers.api.PrinterApi.CreatePrinter;
import app.nozzly.printer.printers.api.PrinterApi.UpdatePrinter;
import app.nozzly.printer.queue.ScheduledPrint;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Printer registry rules for both views; (re)connects a printer after its configuration commits. */
@ApplicationScoped
public class PrinterService {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    @Inject
    ConnectionManager connections;

    @Inject
    TenantContext tenants;

    public Printer create(CreatePrinter request) {
        if (request == null) {
            throw ApiException.badRequest("request body is required");
        }
        String type = request.type() == null ? null : request.type().toLowerCase(Locale.ROOT);
        if (!Printer.TYPE_BAMBU.equals(type) && !Printer.TYPE_PRUSA.equals(type)) {
            throw invalid("type must be bambu_lab or prusa");
        }
        Printer printer = new Printer();
        printer.id = request.id();
        printer.name = request.name();
        printer.type = type;
        printer.connectionType = Printer.TYPE_BAMBU.equals(type) ? Printer.CONNECTION_LAN : Printer.CONNECTION_PRUSALINK;
        printer.model = request.model() != null ? request.model() : Printer.TYPE_PRUSA.equals(type) ? "Core One" : null;
        printer.ipAddress = request.ipAddress();
        printer.serialNumber = request.serialNumber();
        printer.caCertificate = request.caCertificate();
        printer.isActive = request.isActive() == null || request.isActive();
        if (printer.isBambu()) {
            printer.accessCode = request.accessCode();
            printer.port = request.mqttPort();
            printer.ftpsPort = request.ftpsPort();
        } else {
            printer.accessCode = request.password() != null ? request.password() : request.accessCode();
            printer.username = request.username();
            printer.port = request.port();
        }
        return register(printer);
    }

    public Printer createBambu(CreateBambuPrinter request) {
        if (request == null) {
            throw ApiException.badRequest("request body is required");
        }
        if (Printer.CONNECTION_CLOUD.equals(request.connectionType())) {
            throw new ApiException(400, "INVALID_PRINTER_CONFIG", "Bambu Cloud connections are not configured on this"
                    + " platform (no Bambu Cloud account is linked); add the printer with connection_type bambu_lan");
        }
        if (!Printer.CONNECTION_LAN.equals(request.connectionType())) {
            throw ApiException.badRequest("connection_type must be bambu_lan or bambu_cloud");
        }
        Printer printer = new Printer();
        printer.id = request.id() != null ? request.id()
                : "bambu_" + (request.serialNumber() != null ? request.serialNumber().toLowerCase(Locale.ROOT)
                        : UUID.randomUUID().toString().substring(0, 8));
        printer.name = request.name();
        printer.type = Printer.TYPE_BAMBU;
        printer.connectionType = Printer.CONNECTION_LAN;
        printer.model = request.model();
        printer.ipAddress = request.apiUrl() == null ? null : hostOf(request.apiUrl());
        printer.serialNumber = request.serialNumber();
        printer.accessCode = request.accessCode();
        printer.port = request.mqttPort();
        printer.ftpsPort = request.ftpsPort();
        printer.caCertificate = request.caCertificate();
        printer.isActive = true;
        return register(printer);
    }

    private static String hostOf(String apiUrl) {
        try {
            URI uri = URI.create(apiUrl.contains("://") ? apiUrl : "http://" + apiUrl);
            if (uri.getHost() == null) {
                throw invalid("api_url has no host: " + apiUrl);
            }
            return uri.getHost();
        } catch (IllegalArgumentException e) {
            throw invalid("api_url is not a URL: " + apiUrl);
        }
    }

    private Printer register(Printer printer) {
        validate(printer);
        Instant now = Instant.now();
        printer.status = "configuring";
        printer.createdAt = now;
        printer.updatedAt = now;
        QuarkusTransaction.requiringNew().run(() -> {
            if (Printer.findById(printer.id) != null) {
                throw new ApiException(409, "PRINTER_ALREADY_EXISTS", "printer " + printer.id + " already exists",
                        Map.of("printer_id", printer.id));
            }
            printer.persist();
        });
        reconnect(printer);
        return printer;
    }

    private static void validate(Printer printer) {
        if (printer.id == null || !ID.matcher(printer.id).matches()) {
            throw invalid("id is required: 1-64 letters, digits, '_', '-' or '.'");
        }
        if (printer.name == null || printer.name.isBlank() || printer.name.length() > 200) {
            throw invalid("name is required (at most 200 characters)");
        }
        if (printer.ipAddress == null || printer.ipAddress.isBlank()) {
            throw invalid("ip_address is required");
        }
        if (printer.isBambu()) {
            if (printer.serialNumber == null || printer.serialNumber.isBlank()) {
                throw invalid("serial_number is required for Bambu Lab printers (their certificate CN is checked against it)");
            }
            if (printer.accessCode == null || printer.accessCode.isBlank()) {
                throw invalid("access_code is required for Bambu Lab printers");
            }
        } else if (printer.accessCode == null || printer.accessCode.isBlank()) {
            throw invalid("password (PrusaLink Digest password) is required for Prusa printers");
        }
        if (printer.caCertificate != null && !printer.caCertificate.contains("BEGIN CERTIFICATE")) {
            throw invalid("ca_certificate must be a PEM certificate");
        }
        for (Integer port : new Integer[] { printer.port, printer.ftpsPort }) {
            if (port != null && (port < 1 || port > 65535)) {
                throw invalid("ports must be between 1 and 65535");
            }
        }
    }

    private static ApiException invalid(String message) {
        return new ApiException(422, "INVALID_PRINTER_CONFIG", message);
    }

    public Printer update(String id, UpdatePrinter request) {
        if (request == null) {
            throw ApiException.badRequest("request body is required");
        }
        Printer printer = QuarkusTransaction.requiringNew().call(() -> {
            Printer p = find(id);
            if (request.name() != null) {
                p.name = request.name();
            }
            if (request.model() != null) {
                p.model = request.model();
            }
            if (request.ipAddress() != null) {
                p.ipAddress = request.ipAddress();
            }
            if (request.serialNumber() != null) {
                p.serialNumber = request.serialNumber();
            }
            if (request.isActive() != null) {
                p.isActive = request.isActive();
            }
            if (request.caCertificate() != null) {
                p.caCertificate = request.caCertificate();
            }
            if (p.isBambu()) {
                p.accessCode = request.accessCode() != null ? request.accessCode() : p.accessCode;
                p.port = request.mqttPort() != null ? request.mqttPort() : p.port;
                p.ftpsPort = request.ftpsPort() != null ? request.ftpsPort() : p.ftpsPort;
            } else {
                p.accessCode = request.password() != null ? request.password()
                        : request.accessCode() != null ? request.accessCode() : p.accessCode;
                p.username = request.username() != null ? request.username() : p.username;
                p.port = request.port() != null ? request.port() : p.port;
            }
            validate(p);
            p.updatedAt = Instant.now();
            return p;
        });
        reconnect(printer);
        return printer;
    }

    public Instant delete(String id) {
        QuarkusTransaction.requiringNew().run(() -> {
            Printer printer = find(id);
            AmsTray.delete("printerId", id);
            NotificationSetting.delete("printerId", id);
            ScheduledPrint.update("status = ?1, updatedAt = ?2 where printerId = ?3 and status = ?4",
                    ScheduledPrint.CANCELLED, Instant.now(), id, ScheduledPrint.QUEUED);
            printer.delete();
        });
        connections.close(new LiveKey(tenants.require(), id));
        return Instant.now();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Printer find(String id) {
        Printer printer = Printer.findById(id);
        if (printer == null) {
            throw new ApiException(404, "PRINTER_NOT_FOUND", "printer " + id + " not found", Map.of("printer_id", id));
        }
        return printer;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Printer> list(Boolean active, String type) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (active != null) {
            query.append(" and isActive = :active");
            params.put("active", active);
        }
        if (type != null) {
            query.append(" and type = :type");
            params.put("type", type);
        }
        return Printer.list(query + " order by createdAt, id", params);
    }

    private void reconnect(Printer printer) {
        LiveKey key = new LiveKey(tenants.require(), printer.id);
        if (!printer.isActive) {
            connections.close(key);
            return;
        }
        connections.open(new ConnectionSettings(key.tenant(), printer.id, printer.type, printer.connectionType,
                printer.model, printer.ipAddress, printer.port, printer.ftpsPort, printer.serialNumber,
                printer.accessCode, printer.username, printer.caCertificate));
    }
}
