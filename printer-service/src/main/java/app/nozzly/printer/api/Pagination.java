package app.nozzly.printer.api;

/** specs/003 "pagination" of list answers: pages count from 1. */
public record Pagination(int page, int limit, long totalItems, long totalPages, boolean hasNext,
        boolean hasPrevious) {

    public static Pagination of(int page, int limit, long total) {
        long pages = total == 0 ? 0 : (total + limit - 1) / limit;
        return new Pagination(page, limit, total, pages, page < pages, page > 1);
    }

    /**
     * The last row of a specs/002 page for a query's range: {@code limit} rows from {@code offset}, or every row
     * from there when the client asked for no limit (the spec's lists are bare arrays: nothing is cut silently).
     */
    public static int lastRow(int offset, Integer limit) {
        return limit == null ? Integer.MAX_VALUE - 1 : offset + limit - 1;
    }

    /** The first row of a page, for queries. */
    public static int offset(int page, int limit) {
        return (page - 1) * limit;
    }
}
