package app.nozzly.inventory.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why stock moved: a production run, plate, batch, order, weighing or a user, with an optional human ref
 * (module README, "Movements"). Bounds are those of the cause columns of stock_movement and stock_transaction.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Cause(@NotNull CauseType type, @NotBlank @Size(max = 100) String id, @Size(max = 200) String ref) {

    /** A cause read back from a stored row. */
    public static Cause of(String type, String id, String ref) {
        return new Cause(CauseType.valueOf(type), id, ref);
    }
}
