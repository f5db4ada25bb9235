package app.nozzly.sim.prusa;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** What a PrusaLink client must do with the JDK HttpClient, which has no Digest support: answer the challenge itself. */
public final class DigestHttpClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String username;
    private final String password;
    private String realm;
    private String nonce;
    private int nonceCount;

    public DigestHttpClient(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
    }

    /** Sends with the current nonce; on a 401 takes the new challenge and retries once. */
    HttpResponse<String> send(String method, String path, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpResponse<String> response = sendOnce(method, path, body, headers);
        if (response.statusCode() == 401) {
            takeChallenge(response);
            response = sendOnce(method, path, body, headers);
        }
        return response;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    /** GET of a binary resource (a file download, a thumbnail), answering the challenge like {@link #send}. */
    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = sendOnce("GET", path, null, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 401) {
            takeChallenge(response);
            response = sendOnce("GET", path, null, HttpResponse.BodyHandlers.ofByteArray());
        }
        return response;
    }

    /** One request, answering the last challenge seen (none at first). */
    HttpResponse<String> sendOnce(String method, String path, byte[] body, String... headers)
            throws IOException, InterruptedException {
        return sendOnce(method, path, body, HttpResponse.BodyHandlers.ofString(), headers);
    }

    private <T> HttpResponse<T> sendOnce(String method, String path, byte[] body, HttpResponse.BodyHandler<T> handler,
            String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (nonce != null) {
            request.header("Authorization", authorization(method, path));
        }
        return http.send(request.build(), handler);
    }

    void takeChallenge(HttpResponse<?> response) {
        String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        Map<String, String> fields = DigestAuthentication.parse(challenge.substring("Digest ".length()));
        realm = fields.get("realm");
        nonce = fields.get("nonce");
        nonceCount = 0;
    }

    private String authorization(String method, String uri) {
        String nc = String.format("%08x", ++nonceCount);
        String cnonce = UUID.randomUUID().toString().replace("-", "");
        String ha1 = DigestAuthentication.md5(username + ":" + realm + ":" + password);
        String ha2 = DigestAuthentication.md5(method + ":" + uri);
        String response = DigestAuthentication.md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + username + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", algorithm=MD5, qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\", response=\"" + response + "\"";
    }
}
