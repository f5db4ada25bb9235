package app.nozzly.production.process.operators;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One certification of an operator, e.g. chemical_handling valid until expires_at (inclusive). */
public record Certification(
        @NotBlank @Size(max = 64) String type,
        @NotNull @JsonProperty("expires_at") LocalDate expiresAt,
        @JsonProperty("issued_by") @Size(max = 200) String issuedBy) {
}
