package app.nozzly.printer.agents.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.platform.security.Roles;
import app.nozzly.printer.agents.EdgeAgent;
import app.nozzly.printer.agents.api.AgentApi.Agent;
import app.nozzly.printer.agents.api.AgentApi.AgentList;
import app.nozzly.printer.agents.api.AgentApi.Enroll;
import app.nozzly.printer.agents.api.AgentApi.Enrolled;
import app.nozzly.printer.agents.api.AgentApi.EnrollmentCode;
import app.nozzly.printer.agents.api.AgentApi.NewEnrollment;
import app.nozzly.printer.agents.live.AgentHub;
import app.nozzly.printer.agents.service.AgentService;
import app.nozzly.printer.openapi.ErrorSchemas;
import app.nozzly.printer.printers.repository.PrinterRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Edge agents: an admin creates a short-lived code, the farm's agent enrols with it and receives its own
 * credential, viewers see each agent's state and printers, an admin revokes an agent (cut off at once).
 */
@Path("/api/v1/agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentResource {

    /** An agent seen by any replica this recently counts as online (replicas refresh it every few seconds). */
    private static final Duration ONLINE_WITHIN = Duration.ofSeconds(15);

    @Inject
    AgentService agents;

    @Inject
    AgentHub hub;

    @Inject
    PrinterRepository printers;

    @POST
    @Path("/enrollment-codes")
    @RolesAllowed(Roles.ADMIN)
    @ResponseStatus(201)
    @APIResponseSchema(value = EnrollmentCode.class, responseCode = "201",
            responseDescription = "the code to put into the agent's settings; shown once")
    public EnrollmentCode newCode(@Valid NewEnrollment request) {
        AgentService.Issued issued = agents.issueCode(request == null ? null : request.name());
        return new EnrollmentCode(issued.code(), issued.name(), issued.expiresAt());
    }

    @POST
    @Path("/enroll")
    @PermitAll
    @ResponseStatus(201)
    @APIResponseSchema(value = Enrolled.class, responseCode = "201",
            responseDescription = "the agent's id and credential; the credential is never shown again")
    @APIResponse(responseCode = "401", description = "the code is unknown, used or expired (INVALID_ENROLLMENT_CODE)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = ErrorSchemas.ERROR_OBJECT)))
    public Enrolled enroll(@Valid @NotNull Enroll request) {
        AgentService.Enrolled enrolled = agents.enroll(request.code(), request.name(), request.version());
        return new Enrolled(enrolled.agentId(), enrolled.name(), enrolled.credential(), enrolled.enrolledAt());
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public AgentList list() {
        List<EdgeAgent> all = agents.all();
        Map<String, List<String>> printersOf = QuarkusTransaction.requiringNew().call(() -> printers.throughAgents())
                .stream().collect(Collectors.groupingBy(PrinterRepository.AgentPrinter::agentId,
                        Collectors.mapping(PrinterRepository.AgentPrinter::printerId, Collectors.toList())));
        return new AgentList(all.stream().map(a -> view(a, printersOf.getOrDefault(a.id, List.of()))).toList());
    }

    @GET
    @Path("/{agent_id}")
    @RolesAllowed(Roles.VIEWER)
    public Agent get(@PathParam("agent_id") String id) {
        EdgeAgent agent = agents.find(id);
        return view(agent, printersOf(agent.id));
    }

    @DELETE
    @Path("/{agent_id}")
    @RolesAllowed(Roles.ADMIN)
    public Agent revoke(@PathParam("agent_id") String id) {
        EdgeAgent agent = agents.revoke(id);
        hub.revoked(agent.id);
        return view(agent, printersOf(agent.id));
    }

    private List<String> printersOf(String agentId) {
        return QuarkusTransaction.requiringNew().call(() -> printers.idsThrough(agentId));
    }

    private Agent view(EdgeAgent agent, List<String> printerIds) {
        boolean seenElsewhere = !hub.wasConnectedHere(agent.id) && agent.lastSeenAt != null
                && agent.lastSeenAt.isAfter(Instant.now().minus(ONLINE_WITHIN));
        boolean online = !agent.isRevoked() && (hub.isConnected(agent.id) || seenElsewhere);
        String status = agent.isRevoked() ? "revoked" : online ? "online" : "offline";
        return new Agent(agent.id, agent.name, status, agent.version, agent.host, agent.enrolledAt, agent.lastSeenAt,
                agent.revokedAt, printerIds);
    }
}
