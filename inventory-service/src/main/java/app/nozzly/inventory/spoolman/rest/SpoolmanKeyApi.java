package app.nozzly.inventory.spoolman.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The request and answers of /api/v1/integrations/spoolman (module README, "Spoolman"). */
public final class SpoolmanKeyApi {

    private SpoolmanKeyApi() {
    }

    /** A key's label for the people who manage keys ("Moonraker of printer 3"); default "Spoolman". */
    public record CreateKey(@Size(max = 100) String name) {
    }

    /** A key as listed: never the key itself. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyView(UUID id, String name, String createdBy, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
    }

    /** The one answer that shows the key: {@code base_url} is what a Spoolman client is configured with. */
    public record CreatedKey(UUID id, String name, String key, String baseUrl, String createdBy,
            OffsetDateTime createdAt) {
    }

    public record KeyList(List<KeyView> items) {
    }
}
