package app.nozzly.production.process.operators;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** API records of the operator registry (an extension: specs/001 references operators without defining them). */
public final class OperatorApi {

    private OperatorApi() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OperatorRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 64) String employeeNumber,
            @NotNull @Size(max = 50) List<@Valid @NotNull Certification> certifications,
            Boolean active) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OperatorView(
            UUID id,
            String name,
            String employeeNumber,
            List<Certification> certifications,
            boolean active,
            boolean chemicalCertified,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }
}
