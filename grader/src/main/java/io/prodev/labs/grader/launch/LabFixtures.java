package io.prodev.labs.grader.launch;

import io.prodev.labs.grader.GraderException;
import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.labkit.fixture.Fixture;
import io.prodev.labs.labkit.fixture.FixtureException;
import io.prodev.labs.labkit.fixture.Fixtures;
import io.prodev.labs.labkit.fixture.RunningFixture;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixtures a lab's lab.json names, found with {@link java.util.ServiceLoader} on the lab's own class path
 * (the labkit-* modules it depends on), never on the grader's: the grader names no fixture and carries none
 * of their libraries. A lab that names none gets no class loader and starts nothing.
 */
public final class LabFixtures implements AutoCloseable {

    private final URLClassLoader loader;
    private final List<Fixture> fixtures;

    private LabFixtures(URLClassLoader loader, List<Fixture> fixtures) {
        this.loader = loader;
        this.fixtures = fixtures;
    }

    /** @throws GraderException when lab.json names a fixture no module on the lab's class path provides */
    public static LabFixtures of(PreparedLab lab) {
        List<String> names = lab.catalogue().fixtures();
        if (names.isEmpty()) {
            return new LabFixtures(null, List.of());
        }
        URLClassLoader loader = new URLClassLoader(
                "fixtures-of-" + lab.name(), urls(lab.classpath()), LabFixtures.class.getClassLoader());
        try {
            return new LabFixtures(loader, Fixtures.find(names, loader));
        } catch (FixtureException e) {
            closeQuietly(loader);
            throw GraderException.misuse(lab.name() + "/lab.json: " + e.getMessage());
        }
    }

    /** The fixtures' names, in lab.json's order. */
    public List<String> names() {
        return fixtures.stream().map(Fixture::name).toList();
    }

    /**
     * Starts a private instance of each, for one test JVM.
     *
     * @throws FixtureException when one cannot start; those already started are stopped
     */
    public StartedFixtures start() {
        List<RunningFixture> started = new ArrayList<>();
        try {
            for (Fixture fixture : fixtures) {
                started.add(fixture.start());
            }
            return new StartedFixtures(started);
        } catch (RuntimeException e) {
            new StartedFixtures(started).close();
            throw e instanceof FixtureException fixtureProblem
                    ? fixtureProblem
                    : new FixtureException("a fixture could not start: " + e, e);
        }
    }

    @Override
    public void close() {
        if (loader != null) {
            closeQuietly(loader);
        }
    }

    private static URL[] urls(List<Path> classpath) {
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw GraderException.infrastructure("not a class path entry: " + entry, e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // only open jar files are lost
        }
    }
}
