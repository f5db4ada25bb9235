package app.nozzly.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A list's optional filters: only the given ones reach the query. */
class WhereTest {

    @Test
    void noFilterIsEveryRow() {
        Where where = new Where().and("status = :status", "status", null).and("passed = true", false);
        assertThat(where.clause()).isEqualTo("1 = 1");
        assertThat(where.parameters()).isEmpty();
    }

    @Test
    void givenFiltersJoinWithTheirParameters() {
        Where where = new Where()
                .and("status = :status", "status", "printing")
                .and("printerId = :printer", "printer", null)
                .and("passed = true", true)
                .parameter("now", 7);
        assertThat(where.clause()).isEqualTo("1 = 1 and status = :status and passed = true");
        assertThat(where.parameters()).isEqualTo(Map.of("status", "printing", "now", 7));
    }
}
