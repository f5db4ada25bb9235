package app.nozzly.printer.edge;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The edge WebSocket's wire format, the same on both ends whatever JSON settings each side has otherwise. */
public final class EdgeProtocol {

    /** Where an agent connects, behind the gateway. */
    public static final String PATH = "/api/v1/agents/connect";
    /** The header that carries an agent's credential on the upgrade request. */
    public static final String CREDENTIAL_HEADER = "X-Nozzly-Agent-Key";
    /** The close code of an agent whose credential was revoked: it must not come back. */
    public static final short REVOKED = 4403;
    /** A file moves in slices of this many bytes (well inside a WebSocket frame's limit). */
    public static final int CHUNK_BYTES = 48 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private EdgeProtocol() {
    }

    public static ObjectMapper json() {
        return JSON;
    }

    public static String write(EdgeMessage message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + message.getClass().getSimpleName(), e);
        }
    }

    /** Reads one frame; a frame that is not a message of this protocol is refused with its cause. */
    public static EdgeMessage read(String frame) {
        try {
            return JSON.readValue(frame, EdgeMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an edge message: " + e.getOriginalMessage(), e);
        }
    }
}
