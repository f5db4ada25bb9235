package app.nozzly.ordersync.orders;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import app.nozzly.ordersync.etsy.client.EtsyModels;

/**
 * How an Etsy receipt becomes an order (specs/002 POST /orders/sync): when it was placed and last changed, and
 * what keeps the service from holding it. Etsy reports no time before 2000-01-01; a missing or earlier one is
 * unknown, never 1970.
 */
public final class ReceiptRules {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private ReceiptRules() {
    }

    /** Etsy's last change of the receipt (updated_timestamp, else update_timestamp); empty when unknown. */
    public static OptionalLong lastModified(EtsyModels.Receipt receipt) {
        return first(receipt.updatedTimestamp(), receipt.updateTimestamp());
    }

    /**
     * When the buyer placed the order: created_timestamp, else create_timestamp, else its earliest transaction,
     * else its last change, else {@code seen} (when the sync read it).
     */
    public static Instant placedAt(EtsyModels.Receipt receipt, Instant seen) {
        OptionalLong created = first(receipt.createdTimestamp(), receipt.createTimestamp());
        if (created.isEmpty()) {
            created = receipt.transactionsOrEmpty().stream()
                    .flatMap(t -> Stream.of(t.createdTimestamp(), t.paidTimestamp()))
                    .filter(ReceiptRules::known).mapToLong(Long::longValue).min();
        }
        if (created.isEmpty()) {
            created = lastModified(receipt);
        }
        return created.isPresent() ? Instant.ofEpochSecond(created.getAsLong()) : seen;
    }

    /** Why no order can hold this receipt as it is; empty when it can be stored. */
    public static Optional<String> refusal(EtsyModels.Receipt receipt) {
        if (receipt.receiptId() < 1) {
            return Optional.of("it has no receipt_id");
        }
        if (receipt.grandtotal() == null) {
            return Optional.of("it has no grandtotal");
        }
        String currency = receipt.grandtotal().currencyCode();
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            return Optional.of("its currency_code '" + currency + "' is not a three-letter ISO 4217 code");
        }
        Set<String> currencies = new TreeSet<>();
        currencies.add(currency);
        receipt.transactionsOrEmpty().stream().filter(t -> t.price() != null)
                .forEach(t -> currencies.add(String.valueOf(t.price().currencyCode())));
        receipt.refundsOrEmpty().stream().filter(r -> r.amount() != null)
                .forEach(r -> currencies.add(String.valueOf(r.amount().currencyCode())));
        if (currencies.size() > 1) {
            return Optional.of("its money is in more than one currency " + currencies);
        }
        return Optional.empty();
    }

    private static OptionalLong first(Long preferred, Long alias) {
        if (known(preferred)) {
            return OptionalLong.of(preferred);
        }
        return known(alias) ? OptionalLong.of(alias) : OptionalLong.empty();
    }

    private static boolean known(Long epochSeconds) {
        return epochSeconds != null && epochSeconds >= EtsyModels.EARLIEST_TIMESTAMP;
    }
}
