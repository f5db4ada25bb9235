package app.nozzly.ordersync.etsy.client;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Our tolerant copies of the Etsy Open API v3 schemas we read (Etsy's OpenAPI, reference/etsy): every field may
 * be missing, so times are nullable and read by the rules in orders/ReceiptRules and sync/SyncCursor.
 */
public final class EtsyModels {

    /** The earliest time Etsy accepts or reports (its OpenAPI minimum of every timestamp): 2000-01-01. */
    public static final long EARLIEST_TIMESTAMP = 946_684_800L;

    private EtsyModels() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tokens(String accessToken, String tokenType, long expiresIn, String refreshToken) {
    }

    /** Etsy's ErrorSchema, and the OAuth error of its token endpoint. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Error(String error, String errorDescription) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Self(long userId, long shopId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(long userId, String primaryEmail, String firstName, String lastName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Shop(long shopId, long userId, String shopName, String loginName, String currencyCode) {
    }

    /** Etsy money: amount / divisor, exact (never a float). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Money(long amount, int divisor, String currencyCode) {

        public BigDecimal value() {
            if (divisor <= 0) {
                return BigDecimal.valueOf(amount);
            }
            return BigDecimal.valueOf(amount).divide(BigDecimal.valueOf(divisor), MathContext.DECIMAL64);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Transaction(long transactionId, Long listingId, String title, String sku, int quantity,
            Money price, Long createdTimestamp, Long paidTimestamp) {
    }

    /** Etsy ShopRefund. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Refund(Money amount, Long createdTimestamp, String reason, String noteFromIssuer, String status) {
    }

    /** Etsy ShopReceipt; Etsy names its times twice (created_timestamp and create_timestamp, likewise updated). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Receipt(long receiptId, String name, String buyerEmail, String status,
            @JsonProperty("is_shipped") boolean isShipped, Long createdTimestamp, Long createTimestamp,
            Long updatedTimestamp, Long updateTimestamp, Money grandtotal, List<Transaction> transactions,
            List<Refund> refunds) {

        public List<Transaction> transactionsOrEmpty() {
            return transactions == null ? List.of() : transactions;
        }

        public List<Refund> refundsOrEmpty() {
            return refunds == null ? List.of() : refunds;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReceiptPage(int count, List<Receipt> results) {

        public List<Receipt> resultsOrEmpty() {
            return results == null ? List.of() : results;
        }
    }
}
