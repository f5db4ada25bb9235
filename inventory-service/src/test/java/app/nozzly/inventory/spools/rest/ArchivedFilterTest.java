package app.nozzly.inventory.spools.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The spool list's archived filter: false (default, also when blank), true or any, in any case. */
class ArchivedFilterTest {

    @Test
    void readsFalseTrueAndAny() {
        assertThat(ArchivedFilter.fromString("false").archived()).isFalse();
        assertThat(ArchivedFilter.fromString("TRUE").archived()).isTrue();
        assertThat(ArchivedFilter.fromString("Any").archived()).isNull();
        assertThat(ArchivedFilter.fromString("").archived()).isFalse();
    }

    @Test
    void refusesAnythingElseNamingTheParameter() {
        assertThatThrownBy(() -> ArchivedFilter.fromString("maybe")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("archived must be false, true or any, got 'maybe'");
    }
}
