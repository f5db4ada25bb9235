package app.nozzly.facilitysim.common;

/** page (from 1) and limit of a list endpoint, checked against the spec's default and maximum. */
public record PageRequest(int page, int limit) {

    public static final int MAX_LIMIT = 100;

    public static PageRequest of(FacilityException.Validator v, String page, String limit, int defaultLimit) {
        return new PageRequest(Params.integer(v, "page", page, 1, 1, Integer.MAX_VALUE),
                Params.integer(v, "limit", limit, defaultLimit, 1, MAX_LIMIT));
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
