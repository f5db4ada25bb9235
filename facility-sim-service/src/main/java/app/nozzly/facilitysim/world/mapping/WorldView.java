package app.nozzly.facilitysim.world.mapping;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import app.nozzly.facilitysim.common.Decimals;
import app.nozzly.facilitysim.common.PageRequest;
import app.nozzly.facilitysim.world.FacilityType;

/** API records of the administration API (teams, facilities, infrastructure) that runs a game of specs/004. */
public final class WorldView {

    /** Team and facility names: varchar(100). */
    public static final int NAME_LENGTH = 100;
    public static final int MAX_LEVEL = 100;
    /** Money, capacities and storage a game may set: far beyond any game, inside numeric(16,2) and (16,3). */
    public static final String MAX_AMOUNT = "1000000000";

    private WorldView() {
    }

    /** funds default to 0. */
    public record CreateTeam(@NotBlank @Size(max = NAME_LENGTH) String name,
            @DecimalMin("0") @DecimalMax(MAX_AMOUNT) @Digits(integer = 10, fraction = Decimals.MONEY_SCALE)
            BigDecimal funds) {
    }

    public record GrantFunds(@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(MAX_AMOUNT)
            @Digits(integer = 10, fraction = Decimals.MONEY_SCALE) BigDecimal amount) {
    }

    /** level defaults to 1, storageCapacity to 0; WATER and POWER providers need unitPrice and capacity. */
    public record CreateFacility(@NotNull UUID teamId, @NotBlank @Size(max = NAME_LENGTH) String name,
            @NotNull FacilityType type, @Min(1) @Max(MAX_LEVEL) Integer level, @NotNull Integer q, @NotNull Integer r,
            @DecimalMin("0") @DecimalMax(MAX_AMOUNT) @Digits(integer = 10, fraction = Decimals.QUANTITY_SCALE)
            BigDecimal storageCapacity,
            @DecimalMin("0") @DecimalMax(MAX_AMOUNT) @Digits(integer = 10, fraction = Decimals.MONEY_SCALE)
            BigDecimal unitPrice,
            @DecimalMin("0") @DecimalMax(MAX_AMOUNT) @Digits(integer = 10, fraction = Decimals.QUANTITY_SCALE)
            BigDecimal capacity) {
    }

    /** Only the fields sent change. */
    public record UpdateFacility(
            @Size(max = NAME_LENGTH) @Pattern(regexp = ".*\\S.*",
                    message = "{jakarta.validation.constraints.NotBlank.message}") String name,
            @Min(1) @Max(MAX_LEVEL) Integer level,
            @DecimalMin("0") @DecimalMax(MAX_AMOUNT) @Digits(integer = 10, fraction = Decimals.QUANTITY_SCALE)
            BigDecimal storageCapacity,
            @DecimalMin("0") @DecimalMax(MAX_AMOUNT) @Digits(integer = 10, fraction = Decimals.MONEY_SCALE)
            BigDecimal unitPrice,
            @DecimalMin("0") @DecimalMax(MAX_AMOUNT) @Digits(integer = 10, fraction = Decimals.QUANTITY_SCALE)
            BigDecimal capacity) {
    }

    public record Connect(@NotNull UUID facilityId, @NotNull UUID providerId) {
    }

    public record UpdateConnection(@NotNull Boolean active) {
    }

    public record TeamView(UUID id, String name, BigDecimal funds, OffsetDateTime createdAt) {
    }

    public record TeamPage(List<TeamView> teams, PageRequest.Pagination pagination) {
    }

    public record Location(int q, int r) {
    }

    /** Provider figures: price per unit, capacity per period and what the current period has used. */
    public record Supply(BigDecimal unitPrice, BigDecimal capacity, BigDecimal usedThisPeriod,
            OffsetDateTime periodStart) {
    }

    public record FacilityView(UUID id, UUID teamId, String name, String type, int level, Location location,
            BigDecimal storageCapacity, BigDecimal spaceUsed, BigDecimal availableSpace, Supply supply) {
    }

    public record FacilityPage(List<FacilityView> facilities, PageRequest.Pagination pagination) {
    }

    public record ConnectionView(UUID id, UUID facilityId, UUID providerId, String providerName, UUID providerTeamId,
            String resourceType, boolean active) {
    }

    public record ConnectionList(List<ConnectionView> connections) {
    }
}
