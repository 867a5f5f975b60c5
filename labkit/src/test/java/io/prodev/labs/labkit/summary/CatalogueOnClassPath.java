package io.prodev.labs.labkit.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Puts a lab.json on the thread's context class loader, where labkit looks for the running lab's catalogue. */
final class CatalogueOnClassPath {

    /** The catalogue of {@link SampleTests}: tasks 1 to 3. */
    static final String SAMPLE_LAB = """
            {"lab": "sample-lab", "title": "Sample", "curriculum": "none", "tasks": [
              {"id": "1", "title": "First task", "points": 10, "files": []},
              {"id": "2", "title": "Second task", "points": 10, "files": []},
              {"id": "3", "title": "Third task", "points": 10, "files": []}]}
            """;

    private CatalogueOnClassPath() {}

    /**
     * @param root an empty folder that becomes the class path root holding lab.json
     * @param body what to run while the catalogue is on the class path
     */
    static <T> T with(Path root, String catalogue, Supplier<T> body) {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        try {
            Files.writeString(root.resolve("lab.json"), catalogue);
            try (URLClassLoader withCatalogue =
                    new URLClassLoader(new URL[] {root.toUri().toURL()}, original)) {
                thread.setContextClassLoader(withCatalogue);
                return body.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(original);
        }
    }
}
