package app.nozzly.gateway;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The replicas of one service and what the gateway knows of each: ready (its readiness probe answers 200), alive
 * but not ready (or too busy to answer its probes), or dead (a connection was refused or the probe could not
 * connect). Requests go round robin to ready replicas; when none is ready they go to the live ones (the service
 * then answers for itself); when every replica is dead the gateway answers 503 at once instead of waiting, letting
 * one request a second try a dead replica again so that a service comes back even where nothing probes it.
 */
final class Upstream {

    enum State { READY, NOT_READY, DEAD }

    static final class Replica {

        private static final long RETRY_DEAD_NANOS = 1_000_000_000L;
        /** Probes a ready replica may leave unanswered in a row before it leaves the rotation (Kubernetes' default). */
        private static final int UNANSWERED_PROBES = 3;

        final GatewayConfig.Endpoint endpoint;
        volatile State state = State.READY;
        private final AtomicLong retryAt = new AtomicLong();

        Replica(GatewayConfig.Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        private int unansweredProbes;

        /**
         * Counts a probe that got no answer (true) or any other outcome (false); true while a ready replica's
         * silence is too short to judge: under a burst a replica can be too busy to answer one probe in time.
         */
        boolean unansweredProbe(boolean unanswered) {
            unansweredProbes = unanswered ? unansweredProbes + 1 : 0;
            return unanswered && state == State.READY && unansweredProbes < UNANSWERED_PROBES;
        }

        void dead() {
            state = State.DEAD;
            retryAt.set(System.nanoTime() + RETRY_DEAD_NANOS);
        }

        /** True for the one caller that may try this dead replica again now. */
        boolean retryDead() {
            long at = retryAt.get();
            long now = System.nanoTime();
            return now - at >= 0 && retryAt.compareAndSet(at, now + RETRY_DEAD_NANOS);
        }
    }

    private final String name;
    private final List<Replica> replicas;
    private final AtomicInteger next = new AtomicInteger();

    Upstream(String name, List<GatewayConfig.Endpoint> endpoints) {
        this.name = name;
        this.replicas = endpoints.stream().map(Replica::new).toList();
    }

    String name() {
        return name;
    }

    List<Replica> replicas() {
        return replicas;
    }

    Optional<Replica> pick() {
        Optional<Replica> ready = pick(State.READY);
        if (ready.isPresent()) {
            return ready;
        }
        Optional<Replica> alive = pick(State.NOT_READY);
        if (alive.isPresent()) {
            return alive;
        }
        return replicas.stream().filter(Replica::retryDead).findFirst();
    }

    private Optional<Replica> pick(State wanted) {
        int size = replicas.size();
        int start = Math.floorMod(next.getAndIncrement(), size);
        for (int i = 0; i < size; i++) {
            Replica replica = replicas.get((start + i) % size);
            if (replica.state == wanted) {
                return Optional.of(replica);
            }
        }
        return Optional.empty();
    }
}
