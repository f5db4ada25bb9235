package app.nozzly.inventory.common;

import java.util.List;

/** The paging envelope of every /api/v1 list: items, total matches, 1-based page and page size. */
public record PageResult<T>(List<T> items, long total, int page, int size) {
}
