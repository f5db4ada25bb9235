package app.nozzly.production.process.support;

import java.util.Map;

import app.nozzly.production.process.errors.ProcessErrorCode;
import app.nozzly.production.process.errors.ProcessException;

/** The spec's page / limit query parameters, validated: page from 1, limit 1..100 (default 20). */
public record PageRequest(int page, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(Integer page, Integer limit) {
        int p = page == null ? 1 : page;
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (p < 1 || l < 1 || l > MAX_LIMIT) {
            throw new ProcessException(ProcessErrorCode.VALIDATION_ERROR,
                    "page must be >= 1 and limit between 1 and " + MAX_LIMIT + " (got page=" + p + ", limit=" + l + ")",
                    Map.of("page", p, "limit", l));
        }
        return new PageRequest(p, l);
    }

    public int offset() {
        return (page - 1) * limit;
    }
}
