package app.nozzly.production.support;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * One page of a specs/001 list: the items plus page (1-based), limit, total and total_pages. A list answered whole
 * (no paging asked) is page 1 of 1 whose limit is its size.
 */
public record Page<T>(List<T> items, int page, int limit, long total, @JsonProperty("total_pages") long totalPages) {

    /** The rows of {@code query} that {@code request} asks for, each shown by {@code view}. */
    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<? super E, T> view) {
        long total = query.count();
        return of(request.list(query).stream().<T>map(view).toList(), request, total);
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        if (request.isAll()) {
            return new Page<>(items, 1, items.size(), total, total == 0 ? 0 : 1);
        }
        return new Page<>(items, request.page(), request.limit(), total,
                total == 0 ? 0 : (total + request.limit() - 1) / request.limit());
    }
}
