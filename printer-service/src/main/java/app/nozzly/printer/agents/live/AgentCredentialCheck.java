package app.nozzly.printer.agents.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.nozzly.printer.agents.service.AgentService;
import app.nozzly.printer.edge.EdgeProtocol;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** An agent's upgrade request must carry the credential of an enrolled agent that is not revoked; else 401. */
@ApplicationScoped
public class AgentCredentialCheck implements HttpUpgradeCheck {

    private static final UserData.TypedKey<String> TENANT = UserData.TypedKey.forString("agent-tenant");
    private static final UserData.TypedKey<String> AGENT = UserData.TypedKey.forString("agent-id");

    @Inject
    AgentService agents;

    @Override
    public boolean appliesTo(String endpointId) {
        return AgentSocket.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String credential = context.httpRequest().getHeader(EdgeProtocol.CREDENTIAL_HEADER);
        return Uni.createFrom().item(() -> agents.authenticate(credential))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(found -> found.map(agent -> {
                    context.userData().put(TENANT, agent.tenant());
                    context.userData().put(AGENT, agent.agentId());
                    return CheckResult.permitUpgradeSync();
                }).orElseGet(() -> CheckResult.rejectUpgradeSync(401)));
    }

    static AgentService.Identity agent(WebSocketConnection connection) {
        return new AgentService.Identity(connection.userData().get(TENANT), connection.userData().get(AGENT));
    }
}
