package app.nozzly.edge;

import app.nozzly.printer.edge.EdgeMessage;

/** The agent's way up to printer-service: the WebSocket of the moment, if there is one. */
interface Uplink {

    /** Sends one message; false when no connection is open (the message is not sent). */
    boolean send(EdgeMessage message);
}
