package app.nozzly.inventory.stock.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** from and to of the ledger filter: a date-time as given, or a whole day (UTC). */
class LedgerTimeTest {

    @Test
    void aDateStartsAtItsFirstInstantAndEndsWithItsLast() {
        LedgerTime day = LedgerTime.fromString("2025-01-31");
        assertThat(day.start()).isEqualTo(OffsetDateTime.parse("2025-01-31T00:00:00Z"));
        assertThat(day.end()).isEqualTo(OffsetDateTime.parse("2025-01-31T23:59:59.999999Z"));
    }

    @Test
    void aDateTimeIsTakenAsGiven() {
        LedgerTime time = LedgerTime.fromString(" 2025-01-31T12:00:00+02:00 ");
        assertThat(time.start()).isEqualTo(OffsetDateTime.parse("2025-01-31T12:00:00+02:00"));
        assertThat(time.end()).isEqualTo(time.start());
    }

    @Test
    void anythingElseIsRefused() {
        for (String value : new String[] {"yesterday", "2025-13-01", "2025-01-31T12:00:00", "31/01/2025"}) {
            assertThatThrownBy(() -> LedgerTime.fromString(value)).as(value)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(value);
        }
    }
}
