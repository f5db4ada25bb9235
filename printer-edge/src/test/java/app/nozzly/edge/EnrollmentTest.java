package app.nozzly.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.nozzly.printer.edge.EdgeMessage;

/** Enrollment: the code is traded for a credential once, kept in state.dir/credential (0600), and used from then on. */
class EnrollmentTest {

    private static final List<String> KEYS = List.of("server.url", "enrollment.code", "state.dir", "agent.name");

    @TempDir
    Path stateDir;
    FakePrinterService service;

    @BeforeEach
    void startService() throws Exception {
        service = new FakePrinterService();
    }

    @AfterEach
    void stopService() throws Exception {
        KEYS.forEach(key -> System.clearProperty(EdgeSettings.PREFIX + key));
        service.close();
    }

    @Test
    void enrollsOnceStoresTheCredentialForItsOwnerOnlyAndConnectsWithIt() throws Exception {
        System.setProperty(EdgeSettings.PREFIX + "server.url", service.url());
        System.setProperty(EdgeSettings.PREFIX + "enrollment.code", FakePrinterService.CODE);
        System.setProperty(EdgeSettings.PREFIX + "state.dir", stateDir.toString());
        System.setProperty(EdgeSettings.PREFIX + "agent.name", "farm-pc");
        Path missing = stateDir.resolve("no-such.properties");

        EdgeAgent first = EdgeMain.launch(EdgeSettings.load(missing));
        first.stop(0);
        Path credential = stateDir.resolve("credential");
        assertThat(service.enrollmentNames()).containsExactly("farm-pc");
        assertThat(Files.getPosixFilePermissions(credential)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String stored = Files.readString(credential, StandardCharsets.UTF_8);

        EdgeAgent second = EdgeMain.launch(EdgeSettings.load(missing));
        try {
            second.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> !service.received(EdgeMessage.Hello.class).isEmpty());
        } finally {
            second.stop(0);
        }
        assertThat(service.enrollmentNames()).as("the second start used the stored credential").hasSize(1);
        assertThat(Files.readString(credential, StandardCharsets.UTF_8)).isEqualTo(stored);
        EdgeMessage.Hello hello = service.received(EdgeMessage.Hello.class).get(0);
        assertThat(hello.boot()).isNotBlank();
        assertThat(hello.printers()).isEmpty();
    }

    @Test
    void aRefusedCodeEndsTheProcessWithExitCodeTwoAndStoresNothing() throws Exception {
        Path config = stateDir.resolve("edge.properties");
        Files.writeString(config, "server.url=" + service.url() + "\nenrollment.code=WRONG-CODE\nstate.dir="
                + stateDir + "\n", StandardCharsets.UTF_8);

        assertThat(EdgeMain.run(config)).isEqualTo(EdgeMain.REFUSED_EXIT);
        assertThat(stateDir.resolve("credential")).doesNotExist();
    }
}
