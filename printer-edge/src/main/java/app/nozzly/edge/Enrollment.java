package app.nozzly.edge;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.edge.CredentialStore.AgentCredential;

/**
 * Trades the one-time enrollment code for the agent's credential (POST /api/v1/agents/enroll), once: a stored
 * credential is used as it is. Neither the code nor the credential is ever logged.
 */
final class Enrollment {

    private static final Logger LOG = Logger.getLogger(Enrollment.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EdgeSettings settings;
    private final CredentialStore store;
    private final HttpClient http;
    private final String version;

    Enrollment(EdgeSettings settings, CredentialStore store, ServerTls tls, String version) {
        this.settings = settings;
        this.store = store;
        this.version = version;
        this.http = HttpClient.newBuilder().sslContext(tls.context()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * The stored credential, or a new one from the enrollment code; an unreachable server is tried again with
     * backoff.
     *
     * @throws EnrollmentRefusedException when no credential is stored and the server refuses the code (or none is
     *                                    set)
     */
    AgentCredential credential() throws InterruptedException {
        var stored = store.load();
        if (stored.isPresent()) {
            LOG.infof("agent %s: using the credential stored in %s", stored.get().agentId(), store.file());
            return stored.get();
        }
        if (settings.enrollmentCode() == null) {
            throw new EnrollmentRefusedException("no credential in " + store.file()
                    + " and no enrollment.code to enroll with");
        }
        Duration backoff = Duration.ofSeconds(1);
        while (true) {
            try {
                AgentCredential credential = enroll();
                store.store(credential);
                LOG.infof("agent %s enrolled as %s; credential stored in %s", settings.agentName(),
                        credential.agentId(), store.file());
                return credential;
            } catch (IOException e) {
                LOG.warnf("enrolling at %s failed: %s (next attempt in %s s)", settings.enrollUrl(), e.getMessage(),
                        backoff.toSeconds());
            }
            Thread.sleep(backoff.toMillis());
            backoff = Backoff.next(backoff, settings.maxBackoff());
        }
    }

    private AgentCredential enroll() throws IOException, InterruptedException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", settings.enrollmentCode());
        body.put("name", settings.agentName());
        body.put("version", version);
        HttpRequest request = HttpRequest.newBuilder(settings.enrollUrl()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            JsonNode answer = JSON.readTree(response.body());
            String credential = answer.path("credential").asText(null);
            if (credential == null || credential.isBlank()) {
                throw new IOException("enrollment answered " + status + " without a credential");
            }
            return new AgentCredential(answer.path("agent_id").asText(null), credential);
        }
        if (status >= 400 && status < 500) {
            throw new EnrollmentRefusedException("the server refused the enrollment code (" + status + "): "
                    + reason(response.body()));
        }
        throw new IOException("enrollment answered " + status);
    }

    /** The error body's message; its text is the server's, never the code the agent sent. */
    private static String reason(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            for (String field : new String[] { "message", "detail", "error", "title" }) {
                if (error.path(field).isTextual()) {
                    return error.path(field).asText();
                }
            }
        } catch (IOException e) {
            // not JSON: the status says enough
        }
        return "no reason given";
    }

    /** The code is wrong, used or expired: a new code is needed, trying again cannot help. */
    static final class EnrollmentRefusedException extends RuntimeException {

        EnrollmentRefusedException(String message) {
            super(message);
        }
    }
}
