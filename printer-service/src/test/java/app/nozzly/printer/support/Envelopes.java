package app.nozzly.printer.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * CloudEvents envelopes exactly as platform-commons' Outbox writes them for another service
 * (specversion, id, source "/service", type, time, subject = key, tenant, datacontenttype, data).
 */
public final class Envelopes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Envelopes() {
    }

    public static String envelope(String eventId, String source, String type, String key, String tenant,
            Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", eventId);
        event.put("source", "/" + source);
        event.put("type", type);
        event.put("time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        event.put("subject", key);
        event.put("tenant", tenant);
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
