package io.prodev.labs.grader.grade;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The hostile batch of {@link SandboxContainment}, graded with test JVMs on a JDK that has no SecurityManager
 * (24 or later): there the OS sandbox and the seccomp filter are all that hold. It looks for such a JDK in
 * {@code $PRODEV_JDK_WITHOUT_SECURITY_MANAGER} and then under /usr/lib/jvm, and is skipped when there is none.
 */
class SandboxContainmentWithoutSecurityManagerTest extends SandboxContainment {

    private static final int FIRST_JDK_WITHOUT_SECURITY_MANAGER = 24;

    @Override
    Optional<Path> testJdk() {
        Optional<Path> jdk = Stream.concat(fromEnvironment(), installed())
                .filter(home -> feature(home) >= FIRST_JDK_WITHOUT_SECURITY_MANAGER)
                .findFirst();
        assumeTrue(jdk.isPresent(), "no JDK 24 or later is installed (set PRODEV_JDK_WITHOUT_SECURITY_MANAGER)");
        return jdk;
    }

    private static Stream<Path> fromEnvironment() {
        String home = System.getenv("PRODEV_JDK_WITHOUT_SECURITY_MANAGER");
        return home == null || home.isBlank() ? Stream.empty() : Stream.of(Path.of(home));
    }

    private static Stream<Path> installed() {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Stream.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.sorted(Comparator.reverseOrder()).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The feature release a JDK's {@code release} file gives, or 0 when it is not a JDK's home. */
    private static int feature(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return 0;
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(release)) {
            properties.load(in);
            return Runtime.Version.parse(
                            properties.getProperty("JAVA_VERSION", "0").replace("\"", ""))
                    .feature();
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        }
    }
}
