package app.nozzly.facilitysim.production.mapping;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import app.nozzly.facilitysim.common.PageRequest;
import app.nozzly.facilitysim.production.InventoryItem;

/** API records of specs/004 sections 1 to 5, plus the team inventory view. */
public final class ProductionView {

    private ProductionView() {
    }

    public record Provider(UUID facilityId, String facilityName, UUID teamId, String teamName) {
    }

    public record FacilityRef(UUID id, String name, String type, int level) {
    }

    public record MaterialRef(int number, String name, BigDecimal quantity) {
    }

    public record ResourceUse(BigDecimal consumed, BigDecimal unitPrice, BigDecimal totalCost, Provider provider) {
    }

    public record Resources(ResourceUse water, ResourceUse power) {
    }

    public record Costs(BigDecimal waterCost, BigDecimal powerCost, BigDecimal materialBaseCost,
            BigDecimal totalCost) {
    }

    public record TransactionRef(UUID id, String type, BigDecimal amount, String reference) {
    }

    /** Section 1 success data. */
    public record Produced(UUID productionId, String productionNumber, String status, FacilityRef facility,
            MaterialRef material, Resources resources, Costs costs, OffsetDateTime producedAt, BigDecimal spaceUsed,
            List<TransactionRef> transactions) {
    }

    public record MaterialWithOrigin(int number, String name, BigDecimal quantity, String origin) {
    }

    public record Location(int q, int r) {
    }

    public record FacilityWithLocation(UUID id, String name, String type, int level, Location location) {
    }

    public record Consumed(BigDecimal water, BigDecimal power) {
    }

    /** Section 2 data. */
    public record Detail(UUID id, String productionNumber, String status, String failureReason,
            MaterialWithOrigin material, FacilityWithLocation facility, Consumed resourcesConsumed, Costs costs,
            BigDecimal spaceUsed, OffsetDateTime producedAt) {
    }

    public record FacilitySummary(UUID id, String name, String type) {
    }

    public record HistoryItem(UUID id, String productionNumber, String status, MaterialRef material,
            FacilitySummary facility, BigDecimal totalCost, BigDecimal spaceUsed, OffsetDateTime producedAt) {
    }

    /** Section 3 data. */
    public record History(List<HistoryItem> productions, PageRequest.Pagination pagination) {
    }

    public record Requirement(BigDecimal needed, boolean available, BigDecimal unitPrice, BigDecimal totalCost,
            Provider provider) {
    }

    public record SpaceRequirement(BigDecimal needed, BigDecimal available, boolean sufficient) {
    }

    public record FundsRequirement(BigDecimal needed, BigDecimal available, boolean sufficient) {
    }

    public record Requirements(Requirement water, Requirement power, SpaceRequirement space,
            FundsRequirement funds) {
    }

    public record EstimateCosts(BigDecimal waterCost, BigDecimal powerCost, BigDecimal materialBaseCost,
            BigDecimal totalCost, BigDecimal costPerUnit) {
    }

    /** Section 4 data. */
    public record Estimate(boolean feasible, List<String> issues, Requirements requirements, EstimateCosts costs) {
    }

    public record Transaction(UUID id, String resourceType, String role, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal totalAmount, Provider counterparty, UUID productionId, OffsetDateTime transactionDate,
            String reference, String status) {
    }

    public record TypeSummary(long count, BigDecimal amount) {
    }

    public record ByType(TypeSummary water, TypeSummary power) {
    }

    public record TransactionSummary(long totalTransactions, BigDecimal totalAmount, ByType byType) {
    }

    /** Section 5 data. */
    public record Transactions(List<Transaction> transactions, TransactionSummary summary,
            PageRequest.Plain pagination) {
    }

    public record InventoryMaterial(long id, int number, String name, String origin) {
    }

    public record Item(UUID id, UUID teamId, UUID facilityId, InventoryMaterial material, BigDecimal quantity,
            BigDecimal unitCost, BigDecimal totalValue, BigDecimal spaceUsed, InventoryItem.Metadata metadata,
            OffsetDateTime updatedAt) {
    }

    public record Inventory(List<Item> items, PageRequest.Pagination pagination) {
    }
}
