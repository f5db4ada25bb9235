package app.nozzly.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class Http1Test {

    private final Http1 http = new Http1(Duration.ofSeconds(2), Duration.ofSeconds(5));
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fixed", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] body = ("{\"query\":\"" + exchange.getRequestURI().getRawQuery() + "\",\"auth\":\""
                    + exchange.getRequestHeaders().getFirst("Authorization") + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/echo", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(201, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
                out.flush();
                out.write(body);
            }
        });
        server.createContext("/empty", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fixedLengthChunkedAndEmptyAnswersArriveWholeOverOneKeptAliveConnection() throws IOException {
        Http1.Response fixed = http.exchange("GET", URI.create(base + "/fixed?a=1&b=%20"),
                Map.of("Authorization", "Bearer t"), null);
        Http1.Response echoed = http.exchange("POST", URI.create(base + "/echo"), Map.of(),
                "x".repeat(70_000).getBytes(StandardCharsets.UTF_8));
        Http1.Response empty = http.exchange("DELETE", URI.create(base + "/empty"), Map.of(), null);
        Http1.Response again = http.exchange("GET", URI.create(base + "/fixed"), Map.of(), null);

        assertThat(fixed.status()).isEqualTo(200);
        assertThat(new String(fixed.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"query\":\"a=1&b=%20\",\"auth\":\"Bearer t\"}");
        assertThat(echoed.status()).isEqualTo(201);
        assertThat(echoed.body()).hasSize(140_000);
        assertThat(empty.status()).isEqualTo(204);
        assertThat(empty.body()).isEmpty();
        assertThat(again.status()).isEqualTo(200);
        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void threadsOfALaterLoadTakeTheConnectionsAnEarlierOneLeftIdle() throws Exception {
        for (int phase = 0; phase < 3; phase++) {
            ExecutorService load = Executors.newSingleThreadExecutor();
            try {
                assertThat(load.submit(() -> http.exchange("GET", URI.create(base + "/fixed"), Map.of(), null)).get()
                        .status()).isEqualTo(200);
            } finally {
                load.shutdown();
            }
        }

        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void aConnectionTheServerClosedWhileIdleIsOpenedAgainAndTheRequestSentOnce() throws Exception {
        try (ServerSocket oneAnswerEach = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Set<Integer> answered = ConcurrentHashMap.newKeySet();
            Thread acceptor = new Thread(() -> answerOnceThenClose(oneAnswerEach, answered));
            acceptor.setDaemon(true);
            acceptor.start();
            URI uri = URI.create("http://127.0.0.1:" + oneAnswerEach.getLocalPort() + "/");

            for (int i = 0; i < 3; i++) {
                Http1.Response response = http.exchange("GET", uri, Map.of(), null);
                assertThat(response.status()).isEqualTo(200);
                assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
                Thread.sleep(50);
            }
            assertThat(answered).hasSize(3);
        }
    }

    @Test
    void aServerThatIsNotThereIsTheCallersFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> http.exchange("GET", URI.create("http://127.0.0.1:" + closedPort + "/"), Map.of(),
                null)).isInstanceOf(IOException.class);
    }

    /** A server that answers one request per connection with keep-alive promised, then drops the connection. */
    private static void answerOnceThenClose(ServerSocket server, Set<Integer> answered) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    answered.add(socket.getPort());
                }
                socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                        .getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                return;
            }
        }
    }
}
