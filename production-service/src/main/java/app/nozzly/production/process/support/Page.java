package app.nozzly.production.process.support;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One page of a specs/001 list: the items plus page (1-based), limit, total and total_pages. */
public record Page<T>(List<T> items, int page, int limit, long total, @JsonProperty("total_pages") long totalPages) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page(), request.limit(), total,
                total == 0 ? 0 : (total + request.limit() - 1) / request.limit());
    }
}
