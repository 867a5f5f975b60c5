package io.prodev.labs.decorators;

import java.sql.SQLException;
import java.util.List;

/**
 * A parameterised query: SQL with {@code ?} placeholders and the values that fill them, in order. The values are
 * bound by the driver, never pasted into the SQL, so no value can change what the SQL does.
 */
@FunctionalInterface
public interface Query<T> {

    T run(String sql, List<?> parameters) throws SQLException;
}
