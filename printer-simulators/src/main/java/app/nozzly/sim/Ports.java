package app.nozzly.sim;

/** The TCP ports simulators listen on. */
public final class Ports {

    private Ports() {
    }

    /** A port a simulator's builder accepts: 0 (a free port) to 65535. */
    public static int require(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        return port;
    }
}
