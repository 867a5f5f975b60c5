package io.prodev.labs.grader.testjvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a warm worker notices after a run: each test changes one JVM-wide thing, and puts it back. */
class LeftBehindTest {

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void putEverythingBack() {
        release.countDown();
        System.clearProperty("left.behind.test");
    }

    @Test
    void aCleanRunLeavesNothing() throws InterruptedException {
        LeftBehind before = LeftBehind.snapshot();

        assertThat(before.since())
                .as("changes after a run that changed nothing")
                .isEmpty();
    }

    @Test
    void aNonDaemonThreadStillRunningIsNamed() throws InterruptedException {
        LeftBehind before = LeftBehind.snapshot();
        Thread lingering = new Thread(this::awaitRelease, "lingering");
        lingering.start();

        assertThat(before.since())
                .as("changes after a run that left a non-daemon thread waiting")
                .containsExactly("thread 'lingering' was still running");
    }

    @Test
    void aThreadThatEndsWithinTheGraceIsFine() throws InterruptedException {
        LeftBehind before = LeftBehind.snapshot();
        Thread quick = new Thread(() -> sleep(100), "quick");
        quick.start();

        assertThat(before.since())
                .as("changes after a run whose thread ended 100 ms later")
                .isEmpty();
    }

    @Test
    void anIdleDaemonThreadOfLibraryCodeIsFine() throws InterruptedException {
        LeftBehind before = LeftBehind.snapshot();
        Thread idle = new Thread(this::awaitRelease, "idle-daemon");
        idle.setDaemon(true);
        idle.start();

        assertThat(before.since())
                .as("changes after a run that left a daemon thread running no submission code")
                .isEmpty();
    }

    @Test
    void aChangedSystemPropertyIsNamed() throws InterruptedException {
        LeftBehind before = LeftBehind.snapshot();
        System.setProperty("left.behind.test", "x");

        assertThat(before.since())
                .as("changes after a run that set a system property")
                .containsExactly("system properties changed: left.behind.test");
    }

    @Test
    void aReplacedSystemOutIsNamedButOnePutBackIsNot() throws InterruptedException {
        PrintStream original = System.out;
        LeftBehind before = LeftBehind.snapshot();
        try {
            System.setOut(new PrintStream(PrintStream.nullOutputStream()));
            assertThat(before.since())
                    .as("changes while System.out is replaced")
                    .containsExactly("System.out changed");
        } finally {
            System.setOut(original);
        }
        assertThat(before.since()).as("changes once System.out is put back").isEmpty();
    }

    @Test
    void aChangedDefaultLocaleIsNamed() throws InterruptedException {
        Locale original = Locale.getDefault();
        LeftBehind before = LeftBehind.snapshot();
        try {
            Locale.setDefault(original.equals(Locale.FRANCE) ? Locale.GERMANY : Locale.FRANCE);
            assertThat(before.since())
                    .as("changes after a run that changed the default locale")
                    .singleElement()
                    .asString()
                    .startsWith("the default locale changed to ");
        } finally {
            Locale.setDefault(original);
        }
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
