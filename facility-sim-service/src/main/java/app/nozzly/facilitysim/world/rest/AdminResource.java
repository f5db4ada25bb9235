package app.nozzly.facilitysim.world.rest;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import app.nozzly.facilitysim.common.ApiResponse;
import app.nozzly.facilitysim.common.BusinessCode;
import app.nozzly.facilitysim.common.Caller;
import app.nozzly.facilitysim.common.FacilityException;
import app.nozzly.facilitysim.common.LanguageResolver;
import app.nozzly.facilitysim.common.Msg;
import app.nozzly.facilitysim.common.PageRequest;
import app.nozzly.facilitysim.common.Params;
import app.nozzly.facilitysim.world.Facility;
import app.nozzly.facilitysim.world.FacilityType;
import app.nozzly.facilitysim.world.InfrastructureConnection;
import app.nozzly.facilitysim.world.Team;
import app.nozzly.facilitysim.world.mapping.WorldMapper;
import app.nozzly.facilitysim.world.mapping.WorldView;
import app.nozzly.facilitysim.world.service.WorldService;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * The administration API of a game (teacher or admin): teams and their funds, facilities on hex tiles, provider
 * prices and capacities, infrastructure connections. Answers in the specs/004 envelope.
 */
@Path("/api/facility/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Caller.TEACHER, Caller.ADMIN })
public class AdminResource {

    @Inject
    WorldService world;

    @Inject
    WorldMapper mapper;

    @Inject
    LanguageResolver language;

    @POST
    @Path("teams")
    public Response createTeam(WorldView.CreateTeam request) {
        Team team = world.createTeam(request);
        return Response.status(201).entity(ApiResponse.ok(language.text(Msg.TEAM_CREATED), mapper.team(team))).build();
    }

    @GET
    @Path("teams")
    public ApiResponse<WorldView.TeamPage> teams(@QueryParam("page") String page, @QueryParam("limit") String limit) {
        FacilityException.Validator v = new FacilityException.Validator();
        PageRequest paging = PageRequest.of(v, page, limit, 20);
        v.throwIfAny();
        PanacheQuery<Team> query = world.teams();
        return ApiResponse.ok(language.text(Msg.TEAMS_RETRIEVED), new WorldView.TeamPage(
                WorldService.page(query, paging).stream().map(mapper::team).toList(),
                paging.pagination(query.count())));
    }

    @GET
    @Path("teams/{teamId}")
    public ApiResponse<WorldView.TeamView> team(@PathParam("teamId") String teamId) {
        return ApiResponse.ok(language.text(Msg.TEAM_RETRIEVED), mapper.team(world.team(id(teamId,
                BusinessCode.TEAM_NOT_FOUND))));
    }

    @POST
    @Path("teams/{teamId}/funds")
    public ApiResponse<WorldView.TeamView> grantFunds(@PathParam("teamId") String teamId,
            WorldView.GrantFunds request) {
        Team team = world.grantFunds(id(teamId, BusinessCode.TEAM_NOT_FOUND), request);
        return ApiResponse.ok(language.text(Msg.FUNDS_GRANTED), mapper.team(team));
    }

    @POST
    @Path("facilities")
    public Response placeFacility(WorldView.CreateFacility request) {
        Facility facility = world.placeFacility(request);
        return Response.status(201)
                .entity(ApiResponse.ok(language.text(Msg.FACILITY_CREATED), mapper.facility(facility))).build();
    }

    @GET
    @Path("facilities")
    public ApiResponse<WorldView.FacilityPage> facilities(@QueryParam("teamId") String teamId,
            @QueryParam("type") String type, @QueryParam("page") String page, @QueryParam("limit") String limit) {
        FacilityException.Validator v = new FacilityException.Validator();
        Optional<UUID> team = Params.uuid(v, "teamId", teamId);
        Optional<FacilityType> facilityType = Params.enumValue(v, "type", type, FacilityType.values());
        PageRequest paging = PageRequest.of(v, page, limit, 20);
        v.throwIfAny();
        PanacheQuery<Facility> query = world.facilities(team, facilityType);
        return ApiResponse.ok(language.text(Msg.FACILITIES_RETRIEVED), new WorldView.FacilityPage(
                WorldService.page(query, paging).stream().map(mapper::facility).toList(),
                paging.pagination(query.count())));
    }

    @GET
    @Path("facilities/{facilityId}")
    public ApiResponse<WorldView.FacilityView> facility(@PathParam("facilityId") String facilityId) {
        return ApiResponse.ok(language.text(Msg.FACILITY_RETRIEVED),
                mapper.facility(world.facility(id(facilityId, BusinessCode.FACILITY_NOT_FOUND))));
    }

    @PATCH
    @Path("facilities/{facilityId}")
    public ApiResponse<WorldView.FacilityView> updateFacility(@PathParam("facilityId") String facilityId,
            WorldView.UpdateFacility request) {
        Facility facility = world.updateFacility(id(facilityId, BusinessCode.FACILITY_NOT_FOUND), request);
        return ApiResponse.ok(language.text(Msg.FACILITY_UPDATED), mapper.facility(facility));
    }

    @GET
    @Path("facilities/{facilityId}/connections")
    public ApiResponse<WorldView.ConnectionList> connections(@PathParam("facilityId") String facilityId) {
        return ApiResponse.ok(language.text(Msg.CONNECTIONS_RETRIEVED), new WorldView.ConnectionList(
                world.connections(id(facilityId, BusinessCode.FACILITY_NOT_FOUND)).stream().map(this::view).toList()));
    }

    @POST
    @Path("connections")
    public Response connect(WorldView.Connect request) {
        WorldService.Created<InfrastructureConnection> result = world.connect(request);
        return Response.status(result.created() ? 201 : 200)
                .entity(ApiResponse.ok(language.text(Msg.CONNECTION_CREATED), view(result.value()))).build();
    }

    @PATCH
    @Path("connections/{connectionId}")
    public ApiResponse<WorldView.ConnectionView> updateConnection(@PathParam("connectionId") String connectionId,
            WorldView.UpdateConnection request) {
        InfrastructureConnection connection = world.updateConnection(id(connectionId,
                BusinessCode.CONNECTION_NOT_FOUND), request);
        return ApiResponse.ok(language.text(Msg.CONNECTION_UPDATED), view(connection));
    }

    private WorldView.ConnectionView view(InfrastructureConnection connection) {
        return mapper.connection(connection, world.facility(connection.providerId));
    }

    /** An id that is not even a UUID names nothing: the same 404 as an unknown one. */
    private static UUID id(String value, BusinessCode notFound) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new FacilityException(notFound, null, "malformed id " + value);
        }
    }
}
