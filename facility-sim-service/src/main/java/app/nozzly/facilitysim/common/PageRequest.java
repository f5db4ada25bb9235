package app.nozzly.facilitysim.common;

/** page (from 1) and limit of a list endpoint; the resource's parameters bound them, absent ones take defaults. */
public record PageRequest(int page, int limit) {

    public static final int MAX_LIMIT = 100;
    /** Far beyond any list of a game; keeps (page - 1) x limit an int. */
    public static final int MAX_PAGE = 1_000_000;

    public static PageRequest of(Integer page, Integer limit, int defaultLimit) {
        return new PageRequest(page == null ? 1 : page, limit == null ? defaultLimit : limit);
    }

    public int offset() {
        return (page - 1) * limit;
    }

    public Pagination pagination(long totalItems) {
        int totalPages = (int) ((totalItems + limit - 1) / limit);
        return new Pagination(page, totalPages, totalItems, limit, page < totalPages, page > 1);
    }

    /** specs/004 pagination of production history and raw materials. */
    public record Pagination(int currentPage, int totalPages, long totalItems, int itemsPerPage, boolean hasNext,
            boolean hasPrevious) {

        public Plain plain() {
            return new Plain(currentPage, totalPages, totalItems, itemsPerPage);
        }
    }

    /** specs/004 pagination of the transactions list, which names no hasNext/hasPrevious. */
    public record Plain(int currentPage, int totalPages, long totalItems, int itemsPerPage) {
    }
}
