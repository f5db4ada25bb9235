package app.nozzly.testing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * CloudEvents envelopes exactly as platform-commons' Outbox writes them for another service (specversion, id,
 * source "/service", type, time, subject = the record's key, tenant, datacontenttype, data), for tests that play
 * that service on Kafka.
 */
public final class Envelopes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Envelopes() {
    }

    /** An envelope with a fresh event id, written now. */
    public static String envelope(String source, String type, String subject, String tenant, Object data) {
        return envelope(newId(), source, type, subject, tenant, data);
    }

    /** An envelope with the given event id (a redelivery repeats it), written now. */
    public static String envelope(String eventId, String source, String type, String subject, String tenant,
            Object data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", eventId);
        event.put("source", "/" + source);
        event.put("type", type);
        event.put("time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        event.put("subject", subject);
        event.put("tenant", tenant);
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("data of a " + type + " event is not JSON: " + e.getMessage(), e);
        }
    }

    /** A payload written as JSON text, to pass as an envelope's data: it goes into the envelope as it stands. */
    public static RawValue data(String json) {
        return new RawValue(json);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
