package io.prodev.labs.caching.properties;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A real repository that counts how often {@link #findAll()} reached the database. */
final class RecordingPropertyRepository extends PropertyRepository {

    private final AtomicInteger findAllCalls = new AtomicInteger();

    RecordingPropertyRepository(Path databaseFile) {
        super(databaseFile);
    }

    @Override
    public List<Property> findAll() {
        findAllCalls.incrementAndGet();
        return super.findAll();
    }

    int findAllCalls() {
        return findAllCalls.get();
    }
}
