package app.nozzly.ordersync.sync.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import app.nozzly.ordersync.common.ApiException;
import app.nozzly.ordersync.common.Params;
import app.nozzly.ordersync.sync.mapping.SyncResult;
import app.nozzly.ordersync.sync.mapping.SyncRunPage;
import app.nozzly.ordersync.sync.mapping.SyncRunView;
import app.nozzly.ordersync.sync.service.SyncRunQueries;
import app.nozzly.ordersync.sync.service.SyncService;
import app.nozzly.platform.ratelimit.RateLimited;

/** specs/002 POST /orders/sync, and the sync runs with their progress and result. */
@Path("/api/orders/sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    @Inject
    SyncService sync;

    @Inject
    SyncRunQueries runs;

    /** specs/002 Rate Limiting: 5 Etsy syncs a minute per shop (rule etsy-sync). */
    @POST
    @RateLimited("etsy-sync")
    public SyncResult sync() {
        SyncService.Outcome outcome = sync.sync("manual");
        return SyncResult.of(outcome.run(), outcome.totalOrders());
    }

    @GET
    @Path("/runs")
    public SyncRunPage runs(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return runs.list(Params.integer("limit", limit, 20, 1, 200),
                Params.integer("offset", offset, 0, 0, Integer.MAX_VALUE));
    }

    @GET
    @Path("/runs/{id}")
    public SyncRunView run(@PathParam("id") String id) {
        try {
            long runId = Long.parseLong(id);
            return runs.find(runId).orElseThrow(() -> ApiException.notFound("sync run " + id + " not found"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("sync run " + id + " not found");
        }
    }
}
