package app.nozzly.production.process.operators;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One certification of an operator, e.g. chemical_handling valid until expires_at (inclusive). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Certification(
        @NotBlank String type,
        @NotNull @JsonProperty("expires_at") LocalDate expiresAt,
        @JsonProperty("issued_by") String issuedBy) {
}
