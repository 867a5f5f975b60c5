package io.prodev.labs.caching.properties;

/**
 * The database could not do what was asked. Unchecked, so that callers that cannot recover (most of
 * them) need not declare {@link java.sql.SQLException}; the SQL error is kept as the cause.
 */
public class DataAccessException extends RuntimeException {

    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
