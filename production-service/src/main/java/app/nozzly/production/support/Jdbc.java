package app.nozzly.production.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC for the statements that run on every read of a run (the run reader, the catalog's lookups) and on every
 * create (whether a run number is taken): there, Hibernate spent more on preparing, binding and hydrating, or on
 * translating the query again, than the database spent answering.
 */
public final class Jdbc {

    private Jdbc() {
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    public interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    /** Reads the current row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Every row {@code sql} answers with {@code parameters} set, read by {@code row}, in the order they came. */
    public static <T> List<T> rows(Connection connection, String sql, Parameters parameters, Row<T> row)
            throws SQLException {
        List<T> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(row.read(rs));
                }
            }
        }
        return found;
    }
}
