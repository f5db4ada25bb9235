package app.nozzly.platform.events;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * CloudEvents 1.0 envelope in structured JSON mode, with the {@code tenant} extension attribute.
 * Every platform event on Kafka is one of these; {@code subject} is the aggregate id (also the key).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        OffsetDateTime time,
        String subject,
        String tenant,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    /** Validates the attributes a consumer relies on; a message lacking them is poison. */
    public CloudEvent requireValid() {
        if (id == null || id.isBlank() || type == null || type.isBlank() || tenant == null || tenant.isBlank()
                || data == null) {
            throw new InvalidEventException("CloudEvent lacks id, type, tenant or data: id=" + id + " type=" + type);
        }
        return this;
    }
}
