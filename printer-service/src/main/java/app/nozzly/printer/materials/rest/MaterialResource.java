package app.nozzly.printer.materials.rest;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import app.nozzly.printer.errors.ApiException;
import app.nozzly.printer.materials.AmsTray;
import app.nozzly.printer.materials.service.MaterialService;

/** specs/002 AMS Materials (/api/bambu/materials). */
@Path("/api/bambu/materials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MaterialResource {

    @Inject
    MaterialService materials;

    public record Material(long id, String printerId, int slot, int amsId, int trayId, String materialType,
            String color, Integer weightGrams, Integer remainingPct, String vendor, Double costPerKg, Instant loadedAt,
            Instant lastSynced) {

        static Material of(AmsTray t) {
            return new Material(t.id, t.printerId, t.slot, t.amsId, t.trayId, t.materialType, t.color, t.weightGrams,
                    t.remainingPct, t.vendor, t.costPerKg, t.loadedAt, t.lastSynced);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MaterialChange(Integer remainingPct, String vendor, Double costPerKg) {
    }

    @GET
    public List<Material> list(@QueryParam("printer_id") String printerId) {
        return materials.list(printerId).stream().map(Material::of).toList();
    }

    @PUT
    @Path("/{id}")
    public Material update(@PathParam("id") long id, MaterialChange change) {
        if (change == null) {
            throw ApiException.badRequest("request body is required");
        }
        return Material.of(materials.update(id, change.remainingPct(), change.vendor(), change.costPerKg()));
    }
}
