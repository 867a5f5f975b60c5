package io.prodev.labs.decorators.streams;

import java.sql.SQLException;
import java.util.Objects;

/**
 * An {@link SQLException} carried through code that cannot throw checked exceptions, such as a {@code Stream}'s
 * {@code tryAdvance} or {@code close}: the JDK's {@link java.io.UncheckedIOException} idea for SQL. The original is
 * its {@link #getCause() cause}.
 */
public final class UncheckedSqlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Wraps {@code cause}, keeping its message. */
    public UncheckedSqlException(SQLException cause) {
        super(Objects.requireNonNull(cause, "cause").getMessage(), cause);
    }

    /** The SQLException this one carries. */
    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }
}
