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
import io.smallrye.common.annotation.NonBlocking;

/**
 * Where edge agents connect (outbound from their farm, through the gateway). {@link AgentCredentialCheck} lets
 * only an enrolled, unrevoked agent's credential upgrade; each connection's messages arrive in order. They are
 * read on the connection's event loop, not handed to a worker one by one: a farm of 500 printers sends 500
 * reports a second over one connection, and each goes straight on to its printer's own thread.
 */
@WebSocket(path = EdgeProtocol.PATH, endpointId = AgentSocket.ID)
public class AgentSocket {

    static final String ID = "edge-agent";
    private static final Logger LOG = Logger.getLogger(AgentSocket.class);

    @Inject
    AgentHub hub;

    @OnOpen
    @NonBlocking
    public void open(WebSocketConnection connection) {
        hub.opened(AgentCredentialCheck.agent(connection), connection);
    }

    @OnTextMessage
    @NonBlocking
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
        hub.received(agent, connection, message, frame);
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        hub.closed(AgentCredentialCheck.agent(connection), connection);
    }
}
