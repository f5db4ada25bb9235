package app.nozzly.production.process.stations.rest;

import static app.nozzly.production.process.ProcessParams.PARAMS;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import app.nozzly.production.process.errors.ProcessError;
import app.nozzly.production.process.errors.ProcessErrorCode;
import app.nozzly.production.process.errors.ProcessErrors;
import app.nozzly.production.support.Page;
import app.nozzly.production.process.ProcessParams;
import app.nozzly.production.process.stations.StationApi.CreateStation;
import app.nozzly.production.process.stations.StationApi.StartStationProduction;
import app.nozzly.production.process.stations.StationApi.StationReport;
import app.nozzly.production.process.stations.StationApi.StationView;
import app.nozzly.production.process.stations.StationStatus;
import app.nozzly.production.process.stations.StationType;
import app.nozzly.production.process.stations.service.StationService;

/** specs/001 "Estaciones de Producción", plus POST (register), GET one and PUT status (line reports). */
@Path("/api/v1/production/stations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "production: stations")
@APIResponse(responseCode = "400", description = "invalid input (VALIDATION_ERROR); every error body is {\"error\": {\"code\", \"message\", \"details\"}}",
        content = @Content(schema = @Schema(implementation = ProcessError.class)))
public class StationResource {

    @Inject
    StationService stations;

    @GET
    public Page<StationView> list(@QueryParam("status") String status, @QueryParam("type") String type,
            @QueryParam("page") String page, @QueryParam("limit") String limit) {
        return stations.list(PARAMS.oneOf("status", status, StationStatus.class),
                PARAMS.oneOf("type", type, StationType.class), ProcessParams.pageOrAll(page, limit));
    }

    @POST
    @ResponseStatus(201)
    public StationView create(@Valid @NotNull CreateStation request) {
        return stations.create(request);
    }

    @GET
    @Path("/{stationId}")
    @APIResponse(responseCode = "404", description = "STATION_NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    public StationView get(@PathParam("stationId") String stationId) {
        return stations.get(stationId(stationId));
    }

    @POST
    @Path("/{stationId}/start-production")
    @APIResponse(responseCode = "409", description = "PROD007 station out of service",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    @APIResponse(responseCode = "422", description = "PROD006 batch not released by quality control, PROD012",
            content = @Content(schema = @Schema(implementation = ProcessError.class)))
    public StationView startProduction(@PathParam("stationId") String stationId,
            @Valid @NotNull StartStationProduction request) {
        return stations.startProduction(stationId(stationId), request);
    }

    @PUT
    @Path("/{stationId}/status")
    public StationView report(@PathParam("stationId") String stationId, @Valid @NotNull StationReport report) {
        return stations.report(stationId(stationId), report);
    }

    private static UUID stationId(String value) {
        return ProcessParams.id(value, ProcessErrorCode.STATION_NOT_FOUND, "station");
    }

    @ServerExceptionMapper
    Response invalid(ConstraintViolationException e) {
        return ProcessErrors.invalid(e);
    }

    @ServerExceptionMapper
    Response invalidBody(JsonProcessingException e) {
        return ProcessErrors.invalidJson(e);
    }
}
