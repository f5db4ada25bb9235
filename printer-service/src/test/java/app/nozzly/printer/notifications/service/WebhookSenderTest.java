package app.nozzly.printer.notifications.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WebhookSenderTest {

    @Test
    void failedDeliveriesWaitTwiceAsLongEachTimeUpToTheMaximum() {
        Duration initial = Duration.ofSeconds(1);
        Duration max = Duration.ofMinutes(10);
        assertThat(WebhookSender.backoff(1, initial, max)).isEqualTo(Duration.ofSeconds(1));
        assertThat(WebhookSender.backoff(2, initial, max)).isEqualTo(Duration.ofSeconds(2));
        assertThat(WebhookSender.backoff(5, initial, max)).isEqualTo(Duration.ofSeconds(16));
        assertThat(WebhookSender.backoff(40, initial, max)).isEqualTo(max);
    }

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBody() {
        // RFC 4231 test case 2
        assertThat(WebhookSender.sign("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
