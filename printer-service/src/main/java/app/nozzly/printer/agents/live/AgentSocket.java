package app.nozzly.printer.agents.live;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.nozzly.printer.agents.service.AgentService;
import app.nozzly.printer.edge.EdgeMessage;
import app.nozzly.printer.edge.EdgeProtocol;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * Where edge agents connect (outbound from their farm, through the gateway). {@link AgentCredentialCheck} lets
 * only an enrolled, unrevoked agent's credential upgrade; each connection's messages arrive in order.
 */
@WebSocket(path = EdgeProtocol.PATH, endpointId = AgentSocket.ID)
public class AgentSocket {

    static final String ID = "edge-agent";
    private static final Logger LOG = Logger.getLogger(AgentSocket.class);

    @Inject
    AgentHub hub;

    @OnOpen
    public void open(WebSocketConnection connection) {
        hub.opened(AgentCredentialCheck.agent(connection), connection);
    }

    @OnTextMessage
    public void message(WebSocketConnection connection, String frame) {
        AgentService.Identity agent = AgentCredentialCheck.agent(connection);
        EdgeMessage message;
        try {
            message = EdgeProtocol.read(frame);
        } catch (IllegalArgumentException e) {
            LOG.warnf("tenant %s agent %s sent a frame that is not an edge message (%s); ignored", agent.tenant(),
                    agent.agentId(), e.getMessage());
            return;
        }
        hub.received(agent, connection, message);
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        hub.closed(AgentCredentialCheck.agent(connection), connection);
    }
}
