package app.nozzly.facilitysim.world.mapping;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import app.nozzly.facilitysim.common.PageRequest;

/** API records of the administration API (teams, facilities, infrastructure) that runs a game of specs/004. */
public final class WorldView {

    private WorldView() {
    }

    public record CreateTeam(String name, BigDecimal funds) {
    }

    public record GrantFunds(BigDecimal amount) {
    }

    public record CreateFacility(String teamId, String name, String type, Integer level, Integer q, Integer r,
            BigDecimal storageCapacity, BigDecimal unitPrice, BigDecimal capacity) {
    }

    public record UpdateFacility(String name, Integer level, BigDecimal storageCapacity, BigDecimal unitPrice,
            BigDecimal capacity) {
    }

    public record Connect(String facilityId, String providerId) {
    }

    public record UpdateConnection(Boolean active) {
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
