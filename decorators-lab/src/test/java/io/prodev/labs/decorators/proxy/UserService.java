package io.prodev.labs.decorators.proxy;

import io.prodev.labs.decorators.User;
import io.prodev.labs.decorators.annotations.CacheResult;
import io.prodev.labs.decorators.annotations.LogQueries;
import io.prodev.labs.decorators.annotations.Retry;
import io.prodev.labs.decorators.annotations.Transactional;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The interface the proxy tests decorate: one method per annotation, some with several. */
public interface UserService {

    @LogQueries
    List<User> query(String sql, int minimumAge) throws SQLException;

    @Transactional
    void insertPair(Connection connection, long first, long second) throws SQLException;

    @Retry(attempts = 3, delayMillis = 10, on = SQLException.class)
    int flaky() throws SQLException;

    @CacheResult
    List<User> olderThan(int age) throws SQLException;

    @CacheResult
    int sum(int[] values);

    @CacheResult
    String nothing(String key);

    @Retry(attempts = 2)
    @Transactional
    void insertThenFail(Connection connection, long id) throws SQLException;

    @LogQueries
    @CacheResult
    @Retry(attempts = 3)
    List<User> everything(String sql, int minimumAge) throws SQLException;

    String read(Path file) throws IOException;

    int plain();
}
