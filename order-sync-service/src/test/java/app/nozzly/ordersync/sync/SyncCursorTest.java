package app.nozzly.ordersync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SyncCursorTest {

    private static final long T = 1_735_689_600L;

    @Test
    void aStoredCursorBelowEtsysMinimumCountsAsNone() {
        assertThat(SyncCursor.start(0L)).isEqualTo(new SyncCursor(null, 0));
        assertThat(SyncCursor.start(946_684_799L).minLastModified()).isNull();
        assertThat(SyncCursor.start(946_684_800L).minLastModified()).isEqualTo(946_684_800L);
        assertThat(SyncCursor.start(null)).isEqualTo(new SyncCursor(null, 0));
    }

    @Test
    void aLaterTimeOpensANewWindowAtOffsetZero() {
        assertThat(new SyncCursor(T, 0).next(List.of(T + 1, T + 2, T + 5), 3)).isEqualTo(new SyncCursor(T + 5, 0));
        assertThat(new SyncCursor(null, 0).next(List.of(T, T + 9), 2)).isEqualTo(new SyncCursor(T + 9, 0));
    }

    @Test
    void aFullPageOfOneSecondPagesOnByOffset() {
        SyncCursor first = new SyncCursor(T, 0).next(List.of(T + 3, T + 3, T + 3), 3);
        assertThat(first).isEqualTo(new SyncCursor(T + 3, 3));
        assertThat(first.next(List.of(T + 3, T + 3, T + 3), 3)).isEqualTo(new SyncCursor(T + 3, 6));
    }

    @Test
    void receiptsWithoutTimesNeverMoveTheCursorBackOrBelowEtsysMinimum() {
        List<Long> unknown = Arrays.asList(null, 0L, null);
        assertThat(new SyncCursor(T, 4).next(unknown, 3)).isEqualTo(new SyncCursor(T, 7));
        assertThat(new SyncCursor(null, 0).next(unknown, 3)).isEqualTo(new SyncCursor(null, 3));
        assertThat(new SyncCursor(T, 0).next(List.of(T - 50, T - 10), 3)).isEqualTo(new SyncCursor(T, 2));
    }

    @Test
    void receiptsWithoutTimesAfterTheLatestKnownOneCountAsReadInTheNewWindow() {
        assertThat(new SyncCursor(T, 0).next(Arrays.asList(T + 1, T + 2, null), 3))
                .isEqualTo(new SyncCursor(T + 2, 0));
        assertThat(new SyncCursor(T, 0).next(Arrays.asList(T + 2, null, null), 3))
                .isEqualTo(new SyncCursor(T + 2, 3));
    }

    @Test
    void everyStepMovesTheCursorOrTheOffsetForward() {
        // a shop whose receipts share few seconds and often lack their times: paging ends having read them all
        // Etsy sorts by the true time; a receipt whose JSON leaves its time out still has one there
        List<Integer> ids = new ArrayList<>();
        List<Long> trueTimes = new ArrayList<>();
        List<Long> reported = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add(i);
            trueTimes.add(T + i / 50);
            reported.add(i % 7 == 0 ? null : T + i / 50);
        }
        SyncCursor cursor = SyncCursor.start(null);
        Set<Integer> read = new HashSet<>();
        int limit = 20;
        for (int request = 0; request < 1000; request++) {
            SyncCursor at = cursor;
            List<Integer> window = ids.stream()
                    .filter(i -> at.minLastModified() == null || trueTimes.get(i) >= at.minLastModified()).toList();
            List<Integer> page = window.subList(Math.min(at.offset(), window.size()),
                    Math.min(at.offset() + limit, window.size()));
            read.addAll(page);
            if (page.size() < limit) {
                break;
            }
            cursor = at.next(page.stream().map(reported::get).toList(), limit);
            assertThat(cursor.minLastModified() != null && (at.minLastModified() == null
                    || cursor.minLastModified() > at.minLastModified()) || cursor.offset() > at.offset()).isTrue();
        }
        assertThat(read).hasSize(500);
        assertThat(Collections.max(read)).isEqualTo(499);
    }
}
