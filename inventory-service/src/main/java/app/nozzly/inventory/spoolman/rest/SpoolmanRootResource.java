package app.nozzly.inventory.spoolman.rest;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.inventory.spoolman.service.SpoolmanAccess;

/**
 * The root of a tenant's Spoolman ({@code /spoolman/<key>}, what clients probe) and Spoolman's info, health and
 * the endpoints it has switched off here (backups and the external filament database belong to its own server).
 */
@Path("/spoolman/{key}")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class SpoolmanRootResource {

    /** The Spoolman release whose API v1 this serves. */
    static final String VERSION = "0.23.0";

    @Inject
    SpoolmanAccess access;

    @GET
    public Response root(@PathParam("key") String key) {
        access.resolve(key);
        return Response.ok(Map.of("name", "Spoolman API v1 of Nozzly inventory", "api", "api/v1")).build();
    }

    @GET
    @Path("/api/v1/info")
    public ObjectNode info(@PathParam("key") String key) {
        access.resolve(key);
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("version", VERSION);
        info.put("debug_mode", false);
        info.put("automatic_backups", false);
        info.put("data_dir", "");
        info.put("logs_dir", "");
        info.put("backups_dir", "");
        info.put("db_type", "postgres");
        info.put("external_db_name", "");
        return info;
    }

    @GET
    @Path("/api/v1/health")
    public Map<String, String> health(@PathParam("key") String key) {
        access.resolve(key);
        return Map.of("status", "healthy");
    }

    /** Spoolman backs up SQLite only; on any other database its backup answers this 500. */
    @POST
    @Path("/api/v1/backup")
    public Response backup(@PathParam("key") String key) {
        access.resolve(key);
        return Response.status(500).entity(Map.of("message", "Backup failed. See server logs for more information."))
                .build();
    }

    /** Spoolman's external filament database, switched off: no filaments, no materials. */
    @GET
    @Path("/api/v1/external/filament")
    public Object[] externalFilaments(@PathParam("key") String key) {
        access.resolve(key);
        return new Object[0];
    }

    @GET
    @Path("/api/v1/external/material")
    public Object[] externalMaterials(@PathParam("key") String key) {
        access.resolve(key);
        return new Object[0];
    }
}
