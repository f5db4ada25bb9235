package app.nozzly.production.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.nozzly.production.runs.RunStatus;

/** The one parser of both APIs' query parameters: every malformed value is the API's own 400, naming it. */
class ParamsTest {

    /** What an API family makes of an invalid parameter. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final String parameter;

        Invalid(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }
    }

    private final Params params = new Params(Invalid::new);

    @Test
    void absentValuesAreNull() {
        assertThat(params.integer("limit", null)).isNull();
        assertThat(params.uuid("product_id", " ")).isNull();
        assertThat(params.oneOf("status_filter", "", RunStatus.class)).isNull();
        assertThat(params.instant("start_date", null, false)).isNull();
        assertThat(params.bool("passed_only", null)).isFalse();
    }

    @Test
    void malformedValuesNameTheParameter() {
        assertInvalid(() -> params.integer("page", "abc"), "page");
        assertInvalid(() -> params.uuid("reactor_id", "R-1"), "reactor_id");
        assertInvalid(() -> params.bool("passed_only", "maybe"), "passed_only");
        assertInvalid(() -> params.instant("date_from", "yesterday", false), "date_from");
        assertInvalid(() -> params.oneOf("status_filter", "IN_PROGRESS", RunStatus.class), "status_filter");
    }

    @Test
    void enumsAreReadByTheirSpecSpelling() {
        assertThat(params.oneOf("status_filter", "in_progress", RunStatus.class)).isEqualTo(RunStatus.IN_PROGRESS);
        assertThat(params.bool("passed_only", "true")).isTrue();
        UUID id = UUID.randomUUID();
        assertThat(params.uuid("batch_id", id.toString())).isEqualTo(id);
    }

    @Test
    void datesAreWholeDaysAndDateTimesWithoutOffsetAreUtc() {
        assertThat(params.instant("from", "2024-03-15", false)).isEqualTo(OffsetDateTime.parse("2024-03-15T00:00Z"));
        assertThat(params.instant("to", "2024-03-15", true))
                .isEqualTo(OffsetDateTime.parse("2024-03-16T00:00Z").minusNanos(1));
        assertThat(params.instant("from", "2024-03-15T08:00:00", false))
                .isEqualTo(OffsetDateTime.parse("2024-03-15T08:00Z"));
        assertThat(params.instant("from", "2024-03-15T08:00:00 02:00", false))
                .isEqualTo(OffsetDateTime.parse("2024-03-15T06:00Z"));
        assertInvalid(() -> params.ordered("start_date", OffsetDateTime.parse("2024-03-16T00:00Z"), "end_date",
                OffsetDateTime.parse("2024-03-15T00:00Z")), "start_date");
    }

    @Test
    void pagesAndSkipsAreWindowsWithinTheirLimits() {
        PageRequest third = params.page("3", "20", 20, 100);
        assertThat(third.offset()).isEqualTo(40);
        assertThat(third.page()).isEqualTo(3);
        PageRequest skipped = params.skip("5", null, 100, 1000);
        assertThat(skipped.offset()).isEqualTo(5);
        assertThat(skipped.limit()).isEqualTo(100);
        assertInvalid(() -> params.page("0", null, 20, 100), "page");
        assertInvalid(() -> params.page(null, "101", 20, 100), "limit");
        assertInvalid(() -> params.skip("-1", null, 100, 1000), "skip");
        assertInvalid(() -> params.skip(null, "1001", 100, 1000), "limit");
    }

    @Test
    void listsTheSpecDoesNotPageAreWholeUnlessAPageIsAsked() {
        assertThat(params.pageOrAll(null, null, 20, 100).isAll()).isTrue();
        assertThat(params.pageOrAll(null, "5", 20, 100).limit()).isEqualTo(5);
        assertThat(params.skipOrAll(null, null, 100, 1000).isAll()).isTrue();
        assertThat(params.skipOrAll("2", null, 100, 1000).offset()).isEqualTo(2);
    }

    private static void assertInvalid(Runnable parse, String parameter) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(Invalid.class, e -> {
            assertThat(e.parameter).isEqualTo(parameter);
            assertThat(e.getMessage()).contains(parameter);
        });
    }
}
