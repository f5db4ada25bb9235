package app.nozzly.facilitysim.production.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * data of facility.resource.transaction on topic facility.events, keyed by the team whose side it is
 * (the consumer's debit and the provider's credit are two events with the same reference).
 */
public record ResourceTransactionRecorded(UUID transactionId, UUID teamId, UUID facilityId, String resourceType,
        String role, BigDecimal quantity, BigDecimal unitPrice, BigDecimal totalAmount, UUID counterpartyTeamId,
        UUID counterpartyFacilityId, UUID productionId, String reference, String status,
        OffsetDateTime transactionDate) {

    public static final String TYPE = "facility.resource.transaction";
    public static final String TOPIC = "facility.events";
}
