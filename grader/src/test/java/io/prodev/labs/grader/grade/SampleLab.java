package io.prodev.labs.grader.grade;

import io.prodev.labs.grader.Directories;
import io.prodev.labs.grader.lab.LabPreparer;
import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The grader's own sample lab (src/test/resources/sample-lab), built the way Maven builds a lab, so that the
 * grader's scenario tests grade it with no real lab in the reactor. Built once per test JVM, in a temp folder:
 * bubblewrap mounts a lab's class path read-only, and the build must not land in the grader's target/.
 *
 * <p>The lab has three tasks: 1 "Greeter", 2 "Tally" (with a {@code @Hidden} test class) and 3 "Counter client",
 * whose tests talk to the lab's fixture "counter", a line-protocol TCP server on the loopback. The grader finds
 * a fixture only on the lab's class path, where a real lab has its labkit-* module (labkit-redis): so the
 * fixture's package {@value #FIXTURE_PACKAGE} in the lab's test sources, with its {@code META-INF/services} file,
 * is built apart into {@code target/counter-fixture}, which plays that module's part. It goes on the lab's class
 * path, never among its test classes.
 */
final class SampleLab {

    static final String NAME = "sample-lab";
    /** Where the fixture's sources are, under src/test/java: built as a module of its own (see above). */
    static final String FIXTURE_PACKAGE = "io/prodev/labs/sample/counter";

    private static final String FIXTURE_SERVICES = "META-INF/services/io.prodev.labs.labkit.fixture.Fixture";
    /**
     * What the lab's tests and the grader's test runner need, by Maven artifact id: what a lab's own
     * target/test-classpath.txt holds (labkit and its JUnit and Jackson, AssertJ, SQLite's driver), taken from this JVM's class path.
     */
    private static final List<String> LIBRARIES = List.of(
            "labkit",
            "junit-jupiter-api",
            "junit-jupiter-engine",
            "junit-jupiter-params",
            "junit-platform-commons",
            "junit-platform-engine",
            "junit-platform-launcher",
            "opentest4j",
            "apiguardian-api",
            "jspecify",
            "assertj-core",
            "byte-buddy",
            "jackson-databind",
            "jackson-core",
            "jackson-annotations",
            "sqlite-jdbc");
    /** Without these the lab neither compiles nor runs: their absence is a broken set-up, said at once. */
    private static final List<String> REQUIRED_LIBRARIES =
            List.of("labkit", "junit-jupiter-api", "junit-jupiter-engine", "junit-platform-launcher", "assertj-core");
    /** "junit-jupiter-api-6.1.3.jar" is artifact "junit-jupiter-api". */
    /** The lab's compile-scope dependencies: what learner code compiles against. */
    private static final List<String> MAIN_LIBRARIES =
            List.of("jackson-databind", "jackson-core", "jackson-annotations", "sqlite-jdbc");

    private static final Pattern JAR_NAME = Pattern.compile("^(.+?)-\\d[^/]*\\.jar$");

    private static PreparedLab prepared;

    private SampleLab() {}

    /** The sample lab, built on the first call in this JVM; the same lab on every later call. */
    static synchronized PreparedLab prepare() {
        if (prepared == null) {
            try {
                prepared = build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot build the sample lab", e);
            }
        }
        return prepared;
    }

    /** {@link #prepare()}, for call sites that only read the lab: {@code SampleLab.lab().catalogue()}. */
    static PreparedLab lab() {
        return prepare();
    }

    /**
     * The sample lab with a lab.json that names no fixture: the same classes and class path (the counter's
     * extension still starts a server of its own, as in a learner's {@code mvn test}), so only the catalogue
     * tells a warm worker what to start.
     */
    static PreparedLab declaringNoFixture() {
        PreparedLab lab = prepare();
        LabCatalogue catalogue = lab.catalogue();
        return new PreparedLab(
                lab.name(),
                lab.dir(),
                new LabCatalogue(catalogue.lab(), catalogue.title(), catalogue.curriculum(), catalogue.tasks()),
                lab.testClasses(),
                lab.hiddenTests(),
                lab.classpath(),
                lab.mainClasspath(),
                lab.runnerClasses());
    }

    private static PreparedLab build() throws IOException {
        Path root = Files.createTempDirectory("grader-sample-lab-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Directories.deleteQuietly(root), "sample-lab-cleanup"));
        Path dir = root.resolve(NAME);
        Directories.copy(sources(), dir);

        List<Path> libraries = libraries();
        Path classes = dir.resolve("target/classes");
        Path fixture = dir.resolve("target/counter-fixture");
        Path testClasses = dir.resolve("target/test-classes");
        Path testJava = dir.resolve("src/test/java");
        Path fixtureJava = testJava.resolve(FIXTURE_PACKAGE);

        // Main code compiles against Jackson and SQLite's driver, as caching-lab's does: learner code in the
        // sandbox tests calls them.
        List<Path> mainLibraries = libraries.stream()
                .filter(library -> MAIN_LIBRARIES.contains(artifactOf(library)))
                .toList();
        compile(javaFiles(dir.resolve("src/main/java"), path -> true), mainLibraries, classes);
        compile(javaFiles(fixtureJava, path -> true), libraries, fixture);
        copy(dir.resolve("src/test/resources").resolve(FIXTURE_SERVICES), fixture.resolve(FIXTURE_SERVICES));
        List<Path> testClasspath = new ArrayList<>(List.of(classes, fixture));
        testClasspath.addAll(libraries);
        compile(javaFiles(testJava, path -> !path.startsWith(fixtureJava)), testClasspath, testClasses);
        copyTestResources(dir, testClasses);

        List<Path> classpath = new ArrayList<>(List.of(fixture));
        classpath.addAll(libraries);
        return PreparedLab.of(
                NAME,
                dir,
                LabCatalogue.read(dir.resolve(LabCatalogue.FILE_NAME)),
                testClasses,
                classpath,
                mainLibraries,
                LabPreparer.runnerClasses());
    }

    /** The lab's folder among this JVM's test resources (grader/target/test-classes/sample-lab). */
    private static Path sources() {
        URL catalogue = SampleLab.class.getResource("/" + NAME + "/" + LabCatalogue.FILE_NAME);
        if (catalogue == null || !"file".equals(catalogue.getProtocol())) {
            throw new IllegalStateException("the sample lab is not a folder on the test class path: " + catalogue);
        }
        try {
            return Path.of(catalogue.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("not a file: " + catalogue, e);
        }
    }

    /** The entries of this JVM's class path that a lab's test class path would hold too (see LIBRARIES). */
    private static List<Path> libraries() {
        List<Path> libraries = new ArrayList<>();
        Set<String> found = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            String artifact = artifactOf(path);
            if (LIBRARIES.contains(artifact)) {
                libraries.add(path);
                found.add(artifact);
            }
        }
        List<String> missing = REQUIRED_LIBRARIES.stream()
                .filter(name -> !found.contains(name))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the sample lab needs " + missing + " on the grader's test class path: "
                    + System.getProperty("java.class.path"));
        }
        return libraries;
    }

    /** A jar's Maven artifact id, or a reactor module's name for its target/classes folder; "" otherwise. */
    private static String artifactOf(Path entry) {
        if (entry.endsWith(Path.of("target", "classes"))) {
            return entry.getParent().getParent().getFileName().toString();
        }
        Matcher jar = JAR_NAME.matcher(entry.getFileName().toString());
        return jar.matches() ? jar.group(1) : "";
    }

    private static List<Path> javaFiles(Path dir, java.util.function.Predicate<Path> wanted) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(wanted)
                    .sorted()
                    .toList();
        }
    }

    /** Compiles as the lab's Maven build does (release 17, UTF-8); a sample lab that does not compile is a bug here. */
    private static void compile(List<Path> sources, List<Path> classpath, Path output) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the sample lab needs a JDK's compiler; this runtime has none");
        }
        Files.createDirectories(output);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            boolean compiled = javac.getTask(
                            null,
                            files,
                            diagnostics,
                            List.of("--release", "17", "-proc:none", "-encoding", "UTF-8", "-g"),
                            null,
                            files.getJavaFileObjectsFromPaths(sources))
                    .call();
            if (!compiled) {
                throw new IllegalStateException("the sample lab does not compile into " + output + ":\n"
                        + diagnostics.getDiagnostics().stream()
                                .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                                .map(diagnostic -> diagnostic.toString())
                                .collect(Collectors.joining("\n")));
            }
        }
    }

    /** src/test/resources and lab.json, as the parent POM copies them; the fixture's services file went apart. */
    private static void copyTestResources(Path dir, Path testClasses) throws IOException {
        Path resources = dir.resolve("src/test/resources");
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = resources.relativize(file).toString().replace('\\', '/');
                if (!relative.equals(FIXTURE_SERVICES)) {
                    copy(file, testClasses.resolve(relative));
                }
            }
        }
        copy(dir.resolve(LabCatalogue.FILE_NAME), testClasses.resolve(LabCatalogue.FILE_NAME));
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }
}
