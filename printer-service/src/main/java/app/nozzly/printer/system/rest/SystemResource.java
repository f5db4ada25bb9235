package app.nozzly.printer.system.rest;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.nozzly.printer.files.PrinterFile;
import app.nozzly.printer.jobs.PrintJob;
import app.nozzly.printer.printers.Printer;

/** specs/003 section 1, System Health & Status (/api/v1/health, /api/v1/system/info). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "1.0.0")
    String version;

    @Inject
    app.nozzly.printer.live.ConnectionManager connections;

    @Inject
    app.nozzly.platform.tenancy.TenantContext tenants;

    @GET
    @Path("/health")
    @Transactional
    public Response health() {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean database;
        try {
            Printer.count();
            database = true;
        } catch (RuntimeException e) {
            database = false;
        }
        body.put("status", database ? "healthy" : "unhealthy");
        body.put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        body.put("version", version);
        body.put("database", database ? "connected" : "disconnected");
        body.put("active_printers", connections.countFor(tenants.require()));
        body.put("uptime_seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        return Response.status(database ? 200 : 503).entity(body).build();
    }

    @GET
    @Path("/system/info")
    @Transactional
    public Map<String, Object> info() {
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("version", version);
        system.put("timezone", ZoneId.systemDefault().getId());
        system.put("language", "en");
        system.put("business_mode", true);
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("type", "postgresql");
        database.put("jobs_count", PrintJob.count());
        database.put("files_count", PrinterFile.count());
        database.put("printers_count", Printer.count());
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("job_monitoring", true);
        features.put("file_management", true);
        features.put("business_analytics", true);
        features.put("preview_system", false);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("system", system);
        body.put("database", database);
        body.put("features", features);
        return body;
    }
}
