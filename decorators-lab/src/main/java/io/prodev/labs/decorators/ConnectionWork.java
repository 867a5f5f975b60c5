package io.prodev.labs.decorators;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with an open connection: what the connection and transaction decorators wrap. */
@FunctionalInterface
public interface ConnectionWork<T> {

    T apply(Connection connection) throws SQLException;
}
