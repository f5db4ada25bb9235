package app.nozzly.printer.agents.live;

/**
 * What one printer-service replica tells the others about an edge agent (topic {@code printer.agent-relay}): the
 * replica holding the agent's connection says so ({@code owner}, repeated while it holds it) and when it lost it
 * ({@code gone}); it passes on what the agent sends ({@code up}: reports and identifications to every replica,
 * a result or a download's slice to the replica whose command it answers); the others say they run the agent's
 * printers ({@code watching}) and send their commands and upload slices through it ({@code down}).
 *
 * @param replica the sending replica (random per process)
 * @param kind    owner, gone, watching, up or down
 * @param to      for a result or a slice: the replica whose command it answers; else null
 * @param session for owner and gone: the agent's connection on the owner (a new one after each reconnect)
 * @param frame   for up and down: the edge protocol's frame as the agent sent or will receive it
 */
public record RelayFrame(String replica, String kind, String to, String session, String frame) {

    public static final String OWNER = "owner";
    public static final String GONE = "gone";
    public static final String WATCHING = "watching";
    public static final String UP = "up";
    public static final String DOWN = "down";
}
