package app.nozzly.inventory.common;

/** A validated page request: 1-based page, size 1..500 (default 50). */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 1 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 1) {
            throw InventoryProblem.badRequest("page must be 1 or more, got " + p);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw InventoryProblem.badRequest("size must be between 1 and " + MAX_SIZE + ", got " + s);
        }
        return new Paging(p, s);
    }

    public int offset() {
        return (page - 1) * size;
    }

    public <T> PageResult<T> result(java.util.List<T> items, long total) {
        return new PageResult<>(items, total, page, size);
    }
}
