package app.nozzly.platform.persistence;

import java.util.HashMap;
import java.util.Map;

/**
 * The where clause of a query with optional filters, such as a list's query parameters: a condition joins only when
 * its value is given, so no filter means every row (of the tenant, which row-level security decides).
 */
public final class Where {

    private final StringBuilder clause = new StringBuilder("1 = 1");
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds {@code condition}, which names {@code :parameter}, when {@code value} is given (not null). */
    public Where and(String condition, String parameter, Object value) {
        if (value != null) {
            clause.append(" and ").append(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** Adds {@code condition}, which names no parameter, when {@code wanted}. */
    public Where and(String condition, boolean wanted) {
        if (wanted) {
            clause.append(" and ").append(condition);
        }
        return this;
    }

    /** A parameter the query names outside the clause (in its order, say). */
    public Where parameter(String parameter, Object value) {
        parameters.put(parameter, value);
        return this;
    }

    public String clause() {
        return clause.toString();
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
