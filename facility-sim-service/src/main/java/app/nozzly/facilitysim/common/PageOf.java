package app.nozzly.facilitysim.common;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;

/** One page of a list and how many rows the whole list has. */
public record PageOf<T>(List<T> items, long total) {

    /** The requested page of the query's rows, and its count. */
    public static <T> PageOf<T> of(PanacheQuery<T> query, PageRequest page) {
        List<T> items = query.page(Page.of(page.page() - 1, page.limit())).list();
        return new PageOf<>(items, query.count());
    }
}
