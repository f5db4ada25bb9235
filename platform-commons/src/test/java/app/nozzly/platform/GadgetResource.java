package app.nozzly.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.ratelimit.RateLimited;
import app.nozzly.platform.security.Roles;

/** The test application's API for the plumbing every service shares: errors, input bounds, roles, rate limits. */
@Path("/api/gadgets")
@RolesAllowed(Roles.VIEWER)
public class GadgetResource {

    public enum Kind { SMALL, LARGE }

    public record GadgetRequest(@NotBlank @Size(max = 20) String code, @NotNull @DecimalMin("0.001") BigDecimal weight,
            LocalDate madeOn, Kind kind, Integer count, @JsonProperty("colour_hex") @Size(max = 7) String colour) {
    }

    /** No Bean Validation: what the database refuses must still be a 4xx. */
    public record UncheckedRequest(String code, BigDecimal weight, LocalDate madeOn) {
    }

    @GET
    public List<Gadget> list(@QueryParam("size") @Min(1) @Max(100) Integer size) {
        return Gadget.<Gadget>findAll().page(0, size == null ? 20 : size).list();
    }

    @GET
    @Path("{id}")
    public Gadget get(@PathParam("id") UUID id) {
        return Gadget.<Gadget>findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("gadget", id));
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.OPERATOR)
    @RateLimited("gadget-creates")
    @ResponseStatus(201)
    public Gadget create(@Valid @NotNull GadgetRequest request) {
        return store(request.code(), request.weight(), request.madeOn(),
                request.kind() == null ? null : request.kind().name());
    }

    @POST
    @Path("unchecked")
    @Transactional
    @RolesAllowed(Roles.OPERATOR)
    @ResponseStatus(201)
    public Gadget createUnchecked(UncheckedRequest request) {
        return store(request.code(), request.weight(), request.madeOn(), null);
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public void delete(@PathParam("id") UUID id) {
        Gadget.deleteById(id);
    }

    @GET
    @Path("team-limited")
    @RateLimited("gadget-team-reads")
    public List<Gadget> teamLimited() {
        return List.of();
    }

    /** Answers with a property its documented schema does not have, as a mis-named field would. */
    @GET
    @Path("misdocumented")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Gadget.class)))
    public Response misdocumented() {
        return Response.ok(Map.of("madeOn", "2026-01-01", "wholeWeight", 3)).build();
    }

    @GET
    @Path("broken")
    public Response broken() {
        throw new IllegalStateException("app.nozzly.secret.Internal failed at line 42");
    }

    private static Gadget store(String code, BigDecimal weight, LocalDate madeOn, String kind) {
        Gadget gadget = new Gadget();
        gadget.id = UUID.randomUUID();
        gadget.code = code;
        gadget.weight = weight;
        gadget.madeOn = madeOn;
        gadget.kind = kind;
        gadget.persistAndFlush();
        return gadget;
    }
}
