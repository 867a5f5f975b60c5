package io.prodev.labs.caching.properties;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real repository that counts how often {@link #findAll()} reached the database, and can run a step of the
 * test's choosing just before each write (insert, update, delete) reaches it: a reader that comes in between,
 * made deterministic.
 */
final class RecordingPropertyRepository extends PropertyRepository {

    private final AtomicInteger findAllCalls = new AtomicInteger();
    private volatile Runnable beforeEachWrite = () -> {};

    RecordingPropertyRepository(Path databaseFile) {
        super(databaseFile);
    }

    /** Runs {@code step} at the start of every later insert, update and delete, before the database changes. */
    void beforeEachWrite(Runnable step) {
        this.beforeEachWrite = Objects.requireNonNull(step, "step");
    }

    @Override
    public List<Property> findAll() {
        findAllCalls.incrementAndGet();
        return super.findAll();
    }

    @Override
    public Property insert(Property property) {
        beforeEachWrite.run();
        return super.insert(property);
    }

    @Override
    public boolean update(Property property) {
        beforeEachWrite.run();
        return super.update(property);
    }

    @Override
    public boolean delete(long id) {
        beforeEachWrite.run();
        return super.delete(id);
    }

    int findAllCalls() {
        return findAllCalls.get();
    }
}
