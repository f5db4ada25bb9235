package app.nozzly.facilitysim.world.rest;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import app.nozzly.facilitysim.common.ApiResponse;
import app.nozzly.facilitysim.common.Caller;
import app.nozzly.facilitysim.common.LanguageResolver;
import app.nozzly.facilitysim.common.Msg;
import app.nozzly.facilitysim.common.PageOf;
import app.nozzly.facilitysim.common.PageRequest;
import app.nozzly.facilitysim.world.Facility;
import app.nozzly.facilitysim.world.FacilityType;
import app.nozzly.facilitysim.world.InfrastructureConnection;
import app.nozzly.facilitysim.world.Team;
import app.nozzly.facilitysim.world.mapping.WorldMapper;
import app.nozzly.facilitysim.world.mapping.WorldView;
import app.nozzly.facilitysim.world.service.WorldService;
import app.nozzly.platform.security.Roles;

/**
 * The administration API of a game: teams and their funds, facilities on hex tiles, provider prices and capacities,
 * infrastructure connections. A teacher or the tenant's admin (owner) runs it; every platform role (viewer and
 * above) reads it. Answers in the specs/004 envelope.
 */
@Path("/api/facility/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Caller.TEACHER, Roles.VIEWER })
public class AdminResource {

    @Inject
    WorldService world;

    @Inject
    WorldMapper mapper;

    @Inject
    LanguageResolver language;

    @POST
    @Path("teams")
    @RolesAllowed({ Caller.TEACHER, Roles.ADMIN })
    @ResponseStatus(201)
    public ApiResponse<WorldView.TeamView> createTeam(@Valid @NotNull WorldView.CreateTeam body) {
        return ApiResponse.ok(language.text(Msg.TEAM_CREATED), mapper.team(world.createTeam(body)));
    }

    @GET
    @Path("teams")
    public ApiResponse<WorldView.TeamPage> teams(@QueryParam("page") @Min(1) @Max(PageRequest.MAX_PAGE) Integer page,
            @QueryParam("limit") @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit) {
        PageRequest paging = PageRequest.of(page, limit, 20);
        PageOf<Team> found = world.teams(paging);
        return ApiResponse.ok(language.text(Msg.TEAMS_RETRIEVED), new WorldView.TeamPage(
                found.items().stream().map(mapper::team).toList(), paging.pagination(found.total())));
    }

    @GET
    @Path("teams/{teamId}")
    public ApiResponse<WorldView.TeamView> team(@PathParam("teamId") UUID teamId) {
        return ApiResponse.ok(language.text(Msg.TEAM_RETRIEVED), mapper.team(world.team(teamId)));
    }

    @POST
    @Path("teams/{teamId}/funds")
    @RolesAllowed({ Caller.TEACHER, Roles.ADMIN })
    public ApiResponse<WorldView.TeamView> grantFunds(@PathParam("teamId") UUID teamId,
            @Valid @NotNull WorldView.GrantFunds body) {
        return ApiResponse.ok(language.text(Msg.FUNDS_GRANTED), mapper.team(world.grantFunds(teamId, body)));
    }

    @POST
    @Path("facilities")
    @RolesAllowed({ Caller.TEACHER, Roles.ADMIN })
    @ResponseStatus(201)
    public ApiResponse<WorldView.FacilityView> placeFacility(@Valid @NotNull WorldView.CreateFacility body) {
        return ApiResponse.ok(language.text(Msg.FACILITY_CREATED), mapper.facility(world.placeFacility(body)));
    }

    @GET
    @Path("facilities")
    public ApiResponse<WorldView.FacilityPage> facilities(@QueryParam("teamId") UUID teamId,
            @QueryParam("type") FacilityType type,
            @QueryParam("page") @Min(1) @Max(PageRequest.MAX_PAGE) Integer page,
            @QueryParam("limit") @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit) {
        PageRequest paging = PageRequest.of(page, limit, 20);
        PageOf<Facility> found = world.facilities(Optional.ofNullable(teamId), Optional.ofNullable(type), paging);
        return ApiResponse.ok(language.text(Msg.FACILITIES_RETRIEVED), new WorldView.FacilityPage(
                found.items().stream().map(mapper::facility).toList(), paging.pagination(found.total())));
    }

    @GET
    @Path("facilities/{facilityId}")
    public ApiResponse<WorldView.FacilityView> facility(@PathParam("facilityId") UUID facilityId) {
        return ApiResponse.ok(language.text(Msg.FACILITY_RETRIEVED), mapper.facility(world.facility(facilityId)));
    }

    @PATCH
    @Path("facilities/{facilityId}")
    @RolesAllowed({ Caller.TEACHER, Roles.ADMIN })
    public ApiResponse<WorldView.FacilityView> updateFacility(@PathParam("facilityId") UUID facilityId,
            @Valid @NotNull WorldView.UpdateFacility body) {
        return ApiResponse.ok(language.text(Msg.FACILITY_UPDATED),
                mapper.facility(world.updateFacility(facilityId, body)));
    }

    @GET
    @Path("facilities/{facilityId}/connections")
    public ApiResponse<WorldView.ConnectionList> connections(@PathParam("facilityId") UUID facilityId) {
        return ApiResponse.ok(language.text(Msg.CONNECTIONS_RETRIEVED), new WorldView.ConnectionList(
                world.connections(facilityId).stream().map(this::view).toList()));
    }

    /** 201 when the facility had no line for this resource, 200 when its line is re-pointed to this provider. */
    @POST
    @Path("connections")
    @RolesAllowed({ Caller.TEACHER, Roles.ADMIN })
    public RestResponse<ApiResponse<WorldView.ConnectionView>> connect(@Valid @NotNull WorldView.Connect body) {
        WorldService.Created<InfrastructureConnection> result = world.connect(body);
        return RestResponse.status(result.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK,
                ApiResponse.ok(language.text(Msg.CONNECTION_CREATED), view(result.value())));
    }

    @PATCH
    @Path("connections/{connectionId}")
    @RolesAllowed({ Caller.TEACHER, Roles.ADMIN })
    public ApiResponse<WorldView.ConnectionView> updateConnection(@PathParam("connectionId") UUID connectionId,
            @Valid @NotNull WorldView.UpdateConnection body) {
        return ApiResponse.ok(language.text(Msg.CONNECTION_UPDATED),
                view(world.updateConnection(connectionId, body)));
    }

    private WorldView.ConnectionView view(InfrastructureConnection connection) {
        return mapper.connection(connection, world.facility(connection.providerId));
    }
}
