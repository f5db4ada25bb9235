package app.nozzly.production.process.stations.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.platform.security.Roles;
import app.nozzly.production.process.ProcessPages;
import app.nozzly.production.process.stations.StationApi.CreateStation;
import app.nozzly.production.process.stations.StationApi.StartStationProduction;
import app.nozzly.production.process.stations.StationApi.StationReport;
import app.nozzly.production.process.stations.StationApi.StationView;
import app.nozzly.production.process.stations.StationStatus;
import app.nozzly.production.process.stations.StationType;
import app.nozzly.production.process.stations.service.StationService;
import app.nozzly.production.support.Page;
import app.nozzly.production.support.PageRequest;

/**
 * specs/001 "Estaciones de Producción", plus POST (register), GET one and PUT status (line reports). Registering a
 * station is the plant's configuration (admin); production on it is running production.
 */
@Path("/api/v1/production/stations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "production: stations")
@RolesAllowed(Roles.VIEWER)
public class StationResource {

    @Inject
    StationService stations;

    @GET
    public Page<StationView> list(@QueryParam("status") StationStatus status, @QueryParam("type") StationType type,
            @QueryParam("page") @Min(1) @Max(ProcessPages.MAX_PAGE) Integer page,
            @QueryParam("limit") @Min(1) @Max(ProcessPages.MAX_LIMIT) Integer limit) {
        return stations.list(status, type, PageRequest.pageOrAll(page, limit, ProcessPages.DEFAULT_LIMIT));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @ResponseStatus(201)
    public StationView create(@Valid @NotNull CreateStation request) {
        return stations.create(request);
    }

    /** STATION_NOT_FOUND when the tenant has no such station. */
    @GET
    @Path("/{stationId}")
    public StationView get(@PathParam("stationId") UUID stationId) {
        return stations.get(stationId);
    }

    /** PROD007 station out of service; PROD006 batch not released by quality control, PROD012 operator. */
    @POST
    @Path("/{stationId}/start-production")
    @RolesAllowed(Roles.OPERATOR)
    public StationView startProduction(@PathParam("stationId") UUID stationId,
            @Valid @NotNull StartStationProduction request) {
        return stations.startProduction(stationId, request);
    }

    @PUT
    @Path("/{stationId}/status")
    @RolesAllowed(Roles.OPERATOR)
    public StationView report(@PathParam("stationId") UUID stationId, @Valid @NotNull StationReport report) {
        return stations.report(stationId, report);
    }
}
