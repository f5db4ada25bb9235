package app.nozzly.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads and writes envelopes and their payloads with the application's ObjectMapper. */
@ApplicationScoped
public class CloudEventCodec {

    @Inject
    ObjectMapper mapper;

    public CloudEvent parse(String json) {
        if (json == null) {
            throw new InvalidEventException("empty message");
        }
        try {
            return mapper.readValue(json, CloudEvent.class).requireValid();
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("message is not a CloudEvent JSON document: " + e.getOriginalMessage(), e);
        }
    }

    public <T> T data(CloudEvent event, Class<T> type) {
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("event " + event.id() + " of type " + event.type()
                    + " has a payload that is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public JsonNode toTree(Object payload) {
        return mapper.valueToTree(payload);
    }

    public String write(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + " cannot be serialized", e);
        }
    }
}
