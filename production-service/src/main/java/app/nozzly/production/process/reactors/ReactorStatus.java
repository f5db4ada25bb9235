package app.nozzly.production.process.reactors;

import java.util.EnumSet;
import java.util.Set;

/** specs/001 Reactor.status; constants spelled as on the wire. */
public enum ReactorStatus {
    idle, mixing, heating, cooling, transferring, cleaning, maintenance;

    /** States that mean "no batch inside": a reactor holding a batch cannot be put into them. */
    public static final Set<ReactorStatus> WITHOUT_BATCH = EnumSet.of(idle, cleaning, maintenance);
}
