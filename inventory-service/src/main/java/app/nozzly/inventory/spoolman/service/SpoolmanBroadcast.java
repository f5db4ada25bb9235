package app.nozzly.inventory.spoolman.service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * This replica's ear on Postgres: a connection of its own (never one of the pool) that LISTENs to the Spoolman
 * channels and hands what it hears to {@link SpoolmanEvents}. When the database goes away it connects again, every
 * second, for as long as the service runs.
 */
@ApplicationScoped
public class SpoolmanBroadcast {

    private static final Logger LOG = Logger.getLogger(SpoolmanBroadcast.class);
    private static final int WAIT_MILLIS = 1000;

    @Inject
    SpoolmanEvents events;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private volatile boolean running;
    private Thread listener;

    void start(@Observes StartupEvent started) {
        running = true;
        listener = new Thread(this::listen, "spoolman-listen");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent stopped) throws InterruptedException {
        running = false;
        if (listener != null) {
            listener.join(2 * WAIT_MILLIS);
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + SpoolmanEvents.CHANGES);
                    statement.execute("listen " + SpoolmanEvents.REVOCATIONS);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] heard = postgres.getNotifications(WAIT_MILLIS);
                    for (PGNotification notification : heard == null ? new PGNotification[0] : heard) {
                        deliver(notification);
                    }
                }
            } catch (SQLException e) {
                LOG.warnf("Spoolman feeds cannot hear the database (%s); listening again in 1 s", e.getMessage());
                pause();
            }
        }
    }

    private void deliver(PGNotification notification) {
        try {
            events.heard(notification.getName(), notification.getParameter());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Spoolman feeds: a notification on %s could not be delivered", notification.getName());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
