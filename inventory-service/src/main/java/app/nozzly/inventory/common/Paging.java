package app.nozzly.inventory.common;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The page a /api/v1 list is asked for (module README, "API for other services"): {@code page} from 1 (default
 * 1), {@code size} 1..500 (default 50). A resource takes it as {@code @BeanParam @Valid}, so a value out of range
 * or not a number answers 400 naming the parameter.
 */
public class Paging {

    public static final int MAX_SIZE = 500;
    /** Pages beyond this hold nothing anyone reads; the bound keeps the row offset an int. */
    public static final int MAX_PAGE = 1_000_000;

    @QueryParam("page")
    @DefaultValue("1")
    @Min(1)
    @Max(MAX_PAGE)
    int page = 1;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(MAX_SIZE)
    int size = 50;

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    public int offset() {
        return (page - 1) * size;
    }

    public <T> PageResult<T> result(List<T> items, long total) {
        return new PageResult<>(items, total, page, size);
    }
}
