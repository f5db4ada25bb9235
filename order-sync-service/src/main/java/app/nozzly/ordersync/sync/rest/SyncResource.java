package app.nozzly.ordersync.sync.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import app.nozzly.ordersync.common.Params;
import app.nozzly.ordersync.etsy.EtsyUnavailable;
import app.nozzly.ordersync.sync.mapping.SyncResult;
import app.nozzly.ordersync.sync.mapping.SyncRunPage;
import app.nozzly.ordersync.sync.mapping.SyncRunView;
import app.nozzly.ordersync.sync.service.SyncRunQueries;
import app.nozzly.ordersync.sync.service.SyncService;
import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.ratelimit.RateLimited;
import app.nozzly.platform.security.Roles;

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
    @RolesAllowed(Roles.OPERATOR)
    @RateLimited("etsy-sync")
    @APIResponse(responseCode = "200", description = "the sync ran to its end")
    @APIResponse(responseCode = "502", description = EtsyUnavailable.DESCRIPTION, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = EtsyUnavailable.SCHEMA)))
    public SyncResult sync() {
        SyncService.Outcome outcome = sync.sync("manual");
        return SyncResult.of(outcome.run(), outcome.totalOrders());
    }

    @GET
    @Path("/runs")
    @RolesAllowed(Roles.VIEWER)
    public SyncRunPage runs(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(Params.MAX_OFFSET) int offset) {
        return runs.list(limit, offset);
    }

    @GET
    @Path("/runs/{id}")
    @RolesAllowed(Roles.VIEWER)
    public SyncRunView run(@PathParam("id") long id) {
        return runs.find(id).orElseThrow(() -> ApiProblem.notFound("sync run", id));
    }
}
