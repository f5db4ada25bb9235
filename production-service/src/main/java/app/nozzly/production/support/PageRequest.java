package app.nozzly.production.support;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * Which rows of a list to answer: a window (offset, limit) of the rows, or all of them for lists their spec does
 * not page. Built by {@link Params} from the paging parameters of each spec (specs/000 skip/limit, specs/001
 * page/limit).
 */
public final class PageRequest {

    private final int offset;
    private final int limit;
    private final boolean all;

    private PageRequest(int offset, int limit, boolean all) {
        this.offset = offset;
        this.limit = limit;
        this.all = all;
    }

    /** Every row, in one answer. */
    public static PageRequest all() {
        return new PageRequest(0, 0, true);
    }

    /** {@code limit} rows from the 0-based {@code offset}. */
    public static PageRequest window(int offset, int limit) {
        return new PageRequest(offset, limit, false);
    }

    public boolean isAll() {
        return all;
    }

    /** Rows skipped before this page. */
    public int offset() {
        return offset;
    }

    /** Rows per page; 0 when every row is answered. */
    public int limit() {
        return limit;
    }

    /** The 1-based page of a specs/001 answer. */
    public int page() {
        return all ? 1 : offset / limit + 1;
    }

    /** The rows of {@code query} this request asks for. */
    public <T> List<T> list(PanacheQuery<T> query) {
        return all ? query.list() : query.range(offset, offset + limit - 1).list();
    }
}
