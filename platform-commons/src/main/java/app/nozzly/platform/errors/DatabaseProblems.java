package app.nozzly.platform.errors;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a database refusal means to the client. Input the code let through but the schema refuses (a unique
 * key, a check, a value longer or larger than its column) is the client's 4xx, never a 500; the database away
 * (connection lost, pool exhausted, shutting down) is a 503 to retry. Postgres SQLSTATE codes, appendix A.
 */
public final class DatabaseProblems {

    record Classified(ApiProblem problem, String cause) {
    }

    private DatabaseProblems() {
    }

    /** The database away, busy or in the way of a concurrent change: a failure that passes, not one of the input. */
    public static boolean isTransient(Throwable e) {
        Classified classified = classify(e);
        return classified != null && classified.problem().status() == 503;
    }

    static Classified classify(Throwable e) {
        SQLException sql = null;
        for (Throwable cause : causes(e)) {
            if (cause instanceof SQLException found && found.getSQLState() != null && sql == null) {
                sql = found;
            }
            if (cause.getMessage() != null && cause.getMessage().contains("Unable to acquire JDBC Connection")) {
                return new Classified(ApiProblem.unavailable("the service is busy; retry shortly", 1),
                        cause.getMessage());
            }
        }
        if (sql == null) {
            return null;
        }
        String state = sql.getSQLState();
        String cause = state + " " + sql.getMessage();
        ApiProblem problem = switch (state) {
            case "23505" -> ApiProblem.conflict("a record with the same unique value already exists");
            case "23503" -> new ApiProblem(409, ErrorCodes.CONFLICT,
                    "the request refers to a record that does not exist, or one still in use", Map.of());
            case "23502" -> ApiProblem.badRequest("a required value is missing");
            case "23514" -> ApiProblem.badRequest("a value is outside what its field accepts");
            case "22001" -> ApiProblem.badRequest("a text value is longer than its field accepts");
            case "22003" -> ApiProblem.badRequest("a number is larger or more precise than its field accepts");
            case "22007", "22008" -> ApiProblem.badRequest("a date is outside the range the platform stores");
            case "22021", "22P05" -> ApiProblem.badRequest("a text value holds a character that cannot be stored"
                    + " (NUL, say)");
            case "22P02", "22023" -> ApiProblem.badRequest("a value has the wrong form for its field");
            case "40001", "40P01" -> ApiProblem.unavailable("a concurrent change got in the way; retry", 1);
            default -> state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
                    ? ApiProblem.unavailable("the database is unavailable; retry shortly", 5)
                    : state.startsWith("22") ? ApiProblem.badRequest("a value is out of range for its field") : null;
        };
        return problem == null ? null : new Classified(problem, cause);
    }

    /**
     * The exception, its causes and what they suppressed, depth first. A commit the database refuses reaches the
     * caller as the transaction manager's RollbackException, with the driver's exception only suppressed in it.
     */
    private static List<Throwable> causes(Throwable e) {
        List<Throwable> found = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(e);
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            found.add(next);
            Throwable[] suppressed = next.getSuppressed();
            for (int i = suppressed.length - 1; i >= 0; i--) {
                pending.push(suppressed[i]);
            }
            if (next.getCause() != null) {
                pending.push(next.getCause());
            }
        }
        return found;
    }
}
