package app.nozzly.printer.printers.service;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.exception.ConstraintViolationException;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.agents.EdgeAgent;
import app.nozzly.printer.agents.repository.AgentRepository;
import app.nozzly.printer.api.Pagination;
import app.nozzly.printer.errors.ApiException;
import app.nozzly.printer.live.ConnectionManager;
import app.nozzly.printer.live.ConnectionSettings;
import app.nozzly.printer.live.LiveKey;
import app.nozzly.printer.materials.repository.AmsTrayRepository;
import app.nozzly.printer.notifications.repository.NotificationSettingRepository;
import app.nozzly.printer.printers.ConnectionType;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.printers.PrinterType;
import app.nozzly.printer.printers.api.PrinterApi.CreateBambuPrinter;
import app.nozzly.printer.printers.api.PrinterApi.CreatePrinter;
import app.nozzly.printer.printers.api.PrinterApi.UpdatePrinter;
import app.nozzly.printer.printers.repository.PrinterRepository;
import app.nozzly.printer.queue.repository.ScheduledPrintRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Printer registry rules for both views; (re)connects a printer after its configuration commits. Printer ids are
 * the clients' and unique per tenant: another tenant may register the same id.
 */
@ApplicationScoped
public class PrinterService {

    @Inject
    ConnectionManager connections;

    @Inject
    TenantContext tenants;

    @Inject
    PrinterRepository printers;

    @Inject
    AgentRepository agents;

    @ConfigProperty(name = "printer.agents.required", defaultValue = "false")
    boolean agentsRequired;

    @Inject
    AmsTrayRepository trays;

    @Inject
    NotificationSettingRepository notifications;

    @Inject
    ScheduledPrintRepository queue;

    /** One page of printers and the counts specs/003 GET /printers shows beside it. */
    public record Page(List<Printer> printers, long total, long active) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page page(Boolean active, PrinterType type, int page, int limit) {
        return new Page(printers.page(active, type, Pagination.offset(page, limit), limit),
                printers.count(active, type), active == Boolean.FALSE ? 0 : printers.count(true, type));
    }

    /** specs/002 lists page by offset; a null limit is no limit. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Printer> list(int offset, Integer limit) {
        return printers.page(null, null, offset, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Printer find(String id) {
        return printers.byId(id).orElseThrow(() -> new ApiException(404, "PRINTER_NOT_FOUND",
                "printer " + id + " not found", Map.of("printer_id", id)));
    }

    public Printer create(CreatePrinter request) {
        PrinterType type = request.type();
        Printer printer = new Printer();
        printer.id = request.id();
        printer.name = request.name();
        printer.type = type;
        printer.connectionType = type == PrinterType.BAMBU_LAB ? ConnectionType.BAMBU_LAN : ConnectionType.PRUSALINK;
        printer.model = request.model() != null ? request.model() : type == PrinterType.PRUSA ? "Core One" : null;
        printer.ipAddress = request.ipAddress();
        printer.serialNumber = blankToNull(request.serialNumber());
        printer.caCertificate = request.caCertificate();
        printer.isActive = request.isActive() == null || request.isActive();
        printer.agentId = blankToNull(request.agentId());
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

    /** specs/002 POST /bambu/printers; a LAN printer may come without id and serial (its certificate names it). */
    public Printer createBambu(CreateBambuPrinter request) {
        if (request.connectionType() == ConnectionType.BAMBU_CLOUD) {
            throw new ApiException(400, "INVALID_PRINTER_CONFIG", "Bambu Cloud connections are not configured on this"
                    + " platform (no Bambu Cloud account is linked); add the printer with connection_type bambu_lan");
        }
        if (request.connectionType() != ConnectionType.BAMBU_LAN) {
            throw ApiProblem.invalidField("connection_type", "must be bambu_lan or bambu_cloud");
        }
        String serial = blankToNull(request.serialNumber());
        Printer printer = new Printer();
        printer.id = request.id() != null ? request.id() : generatedId(serial);
        printer.name = request.name();
        printer.type = PrinterType.BAMBU_LAB;
        printer.connectionType = ConnectionType.BAMBU_LAN;
        printer.model = request.model();
        printer.serialNumber = serial;
        printer.accessCode = request.accessCode();
        printer.port = request.mqttPort();
        printer.ftpsPort = request.ftpsPort();
        printer.caCertificate = request.caCertificate();
        printer.isActive = true;
        if (request.apiUrl() != null) {
            URI url = urlOf(request.apiUrl());
            printer.ipAddress = url.getHost();
            if (printer.port == null && url.getPort() > 0) {
                printer.port = url.getPort();
            }
        }
        return register(printer);
    }

    /** "bambu_" and the serial (or a random suffix), within the 64 characters a printer id may have. */
    private static String generatedId(String serial) {
        String id = "bambu_" + (serial != null ? serial.toLowerCase(Locale.ROOT)
                : UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        return id.length() > 64 ? id.substring(0, 64) : id;
    }

    /** api_url of a LAN printer: "http://192.168.1.100", a bare address, or with the MQTT port ("...:8883"). */
    private static URI urlOf(String apiUrl) {
        try {
            URI uri = URI.create(apiUrl.contains("://") ? apiUrl : "http://" + apiUrl);
            if (uri.getHost() == null) {
                throw invalid("api_url has no host: " + apiUrl);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw invalid("api_url is not a URL: " + apiUrl);
        }
    }

    /** Stores a new printer; the same id twice in a tenant (also at the same moment) is a 409, never a 500. */
    private Printer register(Printer printer) {
        validate(printer);
        Instant now = Instant.now();
        printer.status = "configuring";
        printer.createdAt = now;
        printer.updatedAt = now;
        QuarkusTransaction.requiringNew().run(() -> {
            checkAgent(printer);
            if (printers.byId(printer.id).isPresent()) {
                throw alreadyExists(printer.id);
            }
            try {
                printers.persistAndFlush(printer);
            } catch (PersistenceException e) {
                // a concurrent create of the same id committed between our check and our insert
                if (e.getCause() instanceof ConstraintViolationException || e instanceof ConstraintViolationException) {
                    throw alreadyExists(printer.id);
                }
                throw e;
            }
        });
        reconnect(printer);
        return printer;
    }

    private static ApiException alreadyExists(String id) {
        return new ApiException(409, "PRINTER_ALREADY_EXISTS", "printer " + id + " already exists",
                Map.of("printer_id", id));
    }

    /** The rules of a printer as a whole; each field's own bounds are the request records' Bean Validation. */
    private static void validate(Printer printer) {
        if (printer.name == null || printer.name.isBlank()) {
            throw invalid("name is required");
        }
        if (printer.ipAddress == null || printer.ipAddress.isBlank()) {
            throw invalid("ip_address is required");
        }
        if (printer.accessCode == null || printer.accessCode.isBlank()) {
            throw invalid(printer.isBambu() ? "access_code is required for Bambu Lab printers"
                    : "password (PrusaLink Digest password) is required for Prusa printers");
        }
        if (printer.caCertificate != null && !printer.caCertificate.contains("BEGIN CERTIFICATE")) {
            throw invalid("ca_certificate must be a PEM certificate");
        }
    }

    /**
     * A printer reached through an agent names one of its tenant's agents, not a revoked one; where this service
     * reaches no network but its own (printer.agents.required), every printer names one.
     */
    private void checkAgent(Printer printer) {
        if (printer.agentId == null) {
            if (agentsRequired) {
                throw invalid("printers are reached through an edge agent on this installation: enroll one on the"
                        + " printer's network (POST /api/v1/agents/enrollment-codes) and name it in agent_id");
            }
            return;
        }
        EdgeAgent agent = agents.findByIdOptional(printer.agentId).orElseThrow(() -> invalid("agent_id "
                + printer.agentId + " is not an agent of this tenant (GET /api/v1/agents lists them)"));
        if (agent.isRevoked()) {
            throw invalid("agent " + agent.id + " was revoked at " + agent.revokedAt + "; enroll a new one");
        }
    }

    private static ApiException invalid(String message) {
        return new ApiException(422, "INVALID_PRINTER_CONFIG", message);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public Printer update(String id, UpdatePrinter request) {
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
                // a serial the user names replaces the certificate trusted on first use
                p.serialNumber = blankToNull(request.serialNumber());
                p.certificateFingerprint = null;
            }
            if (request.isActive() != null) {
                p.isActive = request.isActive();
            }
            if (request.caCertificate() != null) {
                p.caCertificate = request.caCertificate();
            }
            if (request.agentId() != null) {
                p.agentId = blankToNull(request.agentId());
                checkAgent(p);
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

    /** Removes the printer with its AMS slots and notification settings; prints waiting for it are cancelled. */
    public Instant delete(String id) {
        QuarkusTransaction.requiringNew().run(() -> {
            Printer printer = find(id);
            trays.deleteOfPrinter(id);
            notifications.deleteOfPrinter(id);
            queue.cancelWaitingFor(id);
            printers.delete(printer);
        });
        connections.close(new LiveKey(tenants.require(), id));
        return Instant.now();
    }

    private void reconnect(Printer printer) {
        LiveKey key = new LiveKey(tenants.require(), printer.id);
        if (!printer.isActive) {
            connections.close(key);
            return;
        }
        connections.open(new ConnectionSettings(key.tenant(), printer.id, printer.type, printer.connectionType,
                printer.model, printer.ipAddress, printer.port, printer.ftpsPort, printer.serialNumber,
                printer.certificateFingerprint, printer.accessCode, printer.username, printer.caCertificate,
                printer.agentId));
    }
}
