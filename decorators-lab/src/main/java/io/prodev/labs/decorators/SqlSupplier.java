package io.prodev.labs.decorators;

import java.sql.SQLException;

/** A result that takes database work to get. */
@FunctionalInterface
public interface SqlSupplier<T> {

    T get() throws SQLException;
}
