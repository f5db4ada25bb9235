package app.nozzly.inventory.spoolman.rest;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import app.nozzly.inventory.spoolman.ListQuery;
import app.nozzly.inventory.spoolman.SpoolmanRequests;
import app.nozzly.inventory.spoolman.service.SpoolmanCatalog;

/** Spoolman's /vendor: find, get, add, update, delete. */
@Path("/spoolman/{key}/api/v1/vendor")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class SpoolmanVendorResource extends SpoolmanCatalogResource<SpoolmanRequests.Vendor> {

    private static final List<String> FIELDS = List.of("name", "comment", "empty_spool_weight", "external_id", "extra");

    public SpoolmanVendorResource() {
        super("vendor_id", List.of("name"), SpoolmanCatalog::vendor, SpoolmanCatalog::createVendor,
                SpoolmanCatalog::updateVendor, SpoolmanCatalog::deleteVendor);
    }

    @Override
    Function<SpoolmanCatalog, ListQuery.Page> search(Params params) {
        var query = new SpoolmanCatalog.VendorQuery(params.text("name"), params.text("external_id"),
                params.prefixed("extra."), params.text("sort"), params.integer("limit"), params.offset());
        return catalog -> catalog.findVendors(query);
    }

    @Override
    SpoolmanRequests.Vendor read(Fields fields, boolean creating) {
        String name = fields.text("name", creating, 64);
        String comment = fields.text("comment", false, 1024);
        Double emptySpoolWeight = fields.number("empty_spool_weight", false, 0.0, false);
        String externalId = fields.text("external_id", false, 256);
        Map<String, String> extra = fields.extra("extra");
        fields.check();
        return new SpoolmanRequests.Vendor(fields.present(FIELDS), name, comment, emptySpoolWeight, externalId, extra);
    }
}
