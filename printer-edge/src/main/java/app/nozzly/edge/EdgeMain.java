package app.nozzly.edge;

import java.nio.file.Path;

import org.jboss.logging.Logger;

import app.nozzly.edge.CredentialStore.AgentCredential;
import app.nozzly.edge.Enrollment.EnrollmentRefusedException;

/**
 * {@code java -jar printer-edge.jar [--config FILE]}. Exit codes: 0 stopped (SIGTERM), 1 unexpected failure,
 * 2 settings or enrollment refused, 3 revoked; the systemd unit restarts on neither 2 nor 3.
 */
public final class EdgeMain {

    private static final Logger LOG = Logger.getLogger(EdgeMain.class);
    public static final int REFUSED_EXIT = 2;

    private EdgeMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s [%3$s] %5$s%6$s%n");
        }
        Path config = EdgeSettings.DEFAULT_FILE;
        for (int i = 0; i < args.length; i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length) {
                config = Path.of(args[++i]);
            } else {
                System.err.println("usage: java -jar printer-edge.jar [--config /etc/nozzly-edge/edge.properties]");
                System.exit(REFUSED_EXIT);
            }
        }
        System.exit(run(config));
    }

    /** Runs the agent until it stops; returns the process's exit code. */
    static int run(Path config) {
        EdgeAgent agent;
        try {
            agent = launch(EdgeSettings.load(config));
        } catch (EdgeSettings.InvalidSettingsException | EnrollmentRefusedException e) {
            LOG.errorf("cannot start: %s", e.getMessage());
            return REFUSED_EXIT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            LOG.errorf(e, "cannot start: %s", e.getMessage());
            return 1;
        }
        Thread hook = new Thread(() -> agent.stop(0), "edge-agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int code = agent.start().join();
        if (code != 0) {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        return code;
    }

    /**
     * Enrolls when no credential is stored yet, then builds the agent (not yet connected).
     *
     * @throws EnrollmentRefusedException when the server refuses the enrollment code
     */
    public static EdgeAgent launch(EdgeSettings settings) throws InterruptedException {
        ServerTls tls = ServerTls.load(settings.caFile());
        String version = version();
        AgentCredential credential = new Enrollment(settings, new CredentialStore(settings.stateDir()), tls, version)
                .credential();
        return new EdgeAgent(settings, credential, tls, version);
    }

    static String version() {
        String version = EdgeMain.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
