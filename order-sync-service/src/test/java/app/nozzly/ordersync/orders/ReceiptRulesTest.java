package app.nozzly.ordersync.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.nozzly.ordersync.etsy.client.EtsyModels;
import app.nozzly.ordersync.etsy.client.EtsyModels.Money;
import app.nozzly.ordersync.etsy.client.EtsyModels.Receipt;
import app.nozzly.ordersync.etsy.client.EtsyModels.Refund;
import app.nozzly.ordersync.etsy.client.EtsyModels.Transaction;

class ReceiptRulesTest {

    private static final long PLACED = 1_735_689_600L;
    private static final Instant SEEN = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void aReceiptIsPlacedAtItsCreatedTimestampOrItsAlias() {
        assertThat(ReceiptRules.placedAt(receipt(PLACED, null, PLACED + 60, null, usd(100), List.of()), SEEN))
                .isEqualTo(Instant.ofEpochSecond(PLACED));
        assertThat(ReceiptRules.placedAt(receipt(null, PLACED, null, PLACED + 60, usd(100), List.of()), SEEN))
                .isEqualTo(Instant.ofEpochSecond(PLACED));
    }

    @Test
    void aReceiptWithoutTimesIsNeverDated1970() {
        Transaction paid = new Transaction(1, 2L, "Bracket", "SKU", 1, usd(100), null, PLACED + 5);
        assertThat(ReceiptRules.placedAt(receipt(null, null, null, null, usd(100), List.of(paid)), SEEN))
                .isEqualTo(Instant.ofEpochSecond(PLACED + 5));
        assertThat(ReceiptRules.placedAt(receipt(0L, 0L, PLACED + 9, null, usd(100), List.of()), SEEN))
                .isEqualTo(Instant.ofEpochSecond(PLACED + 9));
        assertThat(ReceiptRules.placedAt(receipt(null, null, null, null, usd(100), List.of()), SEEN)).isEqualTo(SEEN);
        assertThat(ReceiptRules.lastModified(receipt(null, null, 0L, null, usd(100), List.of()))).isEmpty();
        assertThat(ReceiptRules.lastModified(receipt(null, null, null, PLACED, usd(100), List.of())))
                .hasValue(PLACED);
    }

    @Test
    void aCurrencyThatIsNotThreeLettersIsRefusedWithItsReason() {
        assertThat(ReceiptRules.refusal(receipt(PLACED, null, PLACED, null, new Money(100, 100, "USDT"), List.of())))
                .hasValue("its currency_code 'USDT' is not a three-letter ISO 4217 code");
        assertThat(ReceiptRules.refusal(receipt(PLACED, null, PLACED, null, new Money(100, 1, "JPY"), List.of())))
                .isEmpty();
        assertThat(ReceiptRules.refusal(receipt(PLACED, null, PLACED, null, null, List.of())))
                .hasValue("it has no grandtotal");
    }

    @Test
    void moneyInTwoCurrenciesIsRefused() {
        Receipt mixed = new Receipt(7, "Ann", null, "paid", false, PLACED, null, PLACED, null, usd(500),
                List.of(new Transaction(1, 2L, "Bracket", "SKU", 1, usd(500), null, null)),
                List.of(new Refund(new Money(100, 100, "EUR"), PLACED, "late", null, "REFUNDED")));
        assertThat(ReceiptRules.refusal(mixed)).hasValue("its money is in more than one currency [EUR, USD]");
    }

    private static Money usd(long cents) {
        return new Money(cents, 100, "USD");
    }

    private static Receipt receipt(Long created, Long create, Long updated, Long update, Money total,
            List<EtsyModels.Transaction> transactions) {
        return new Receipt(7, "Ann", null, "paid", false, created, create, updated, update, total, transactions,
                List.of());
    }
}
