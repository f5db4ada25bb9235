package app.nozzly.production.support;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * Which rows of a list to answer: a window (offset, limit) of the rows, or all of them for lists their spec does
 * not page. Made from the paging parameters of each spec (specs/000 skip/limit, specs/001 page/limit), whose
 * ranges the resources check with Bean Validation.
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

    /** specs/001 page (from 1, default 1) and limit (default {@code defaultLimit}). */
    public static PageRequest page(Integer page, Integer limit, int defaultLimit) {
        int size = limit == null ? defaultLimit : limit;
        long offset = ((long) (page == null ? 1 : page) - 1) * size;
        return window((int) Math.min(offset, Integer.MAX_VALUE), size);
    }

    /** A list its spec does not page: all of it, unless the client asks for a page. */
    public static PageRequest pageOrAll(Integer page, Integer limit, int defaultLimit) {
        return page == null && limit == null ? all() : page(page, limit, defaultLimit);
    }

    /** specs/000 skip (from 0, default 0) and limit (default {@code defaultLimit}). */
    public static PageRequest skip(Integer skip, Integer limit, int defaultLimit) {
        return window(skip == null ? 0 : skip, limit == null ? defaultLimit : limit);
    }

    /** A list its spec does not page: all of it, unless the client asks for a window by skip and limit. */
    public static PageRequest skipOrAll(Integer skip, Integer limit, int defaultLimit) {
        return skip == null && limit == null ? all() : skip(skip, limit, defaultLimit);
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
        // a window past the last possible row is empty, never an overflowing range
        return all ? query.list() : query.range(offset, (int) Math.min(Integer.MAX_VALUE, (long) offset + limit - 1))
                .list();
    }
}
