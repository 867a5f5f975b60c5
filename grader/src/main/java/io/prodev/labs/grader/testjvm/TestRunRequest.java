package io.prodev.labs.grader.testjvm;

import static org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** What a test JVM runs, cold ({@link RunnerMain}) or warm ({@link WorkerMain}) alike: the same tests, the same limits. */
final class TestRunRequest {

    /** Test classes the way Surefire finds them: Test*, *Test, *Tests, *TestCase; nested ones via their outer class. */
    private static final String TEST_CLASS_NAMES = "^(Test.*|.+[.$]Test.*|.*Tests?|.*TestCase)$";

    private TestRunRequest() {}

    /** A launcher that runs only the listener it is given: no listener a test jar might register itself. */
    static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
    }

    /**
     * @param testSeconds one test's time limit
     * @param onlyThese   unique ids of the tests to run; empty for every test in {@code testClasses}
     */
    static LauncherDiscoveryRequest of(Path testClasses, long testSeconds, List<String> onlyThese) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        if (onlyThese.isEmpty()) {
            request.selectors(selectClasspathRoots(Set.of(testClasses)))
                    .filters(includeClassNamePatterns(TEST_CLASS_NAMES), excludeClassNamePatterns(".*\\$.*"));
        } else {
            onlyThese.stream().filter(id -> !id.isBlank()).forEach(id -> request.selectors(selectUniqueId(id)));
        }
        return request.configurationParameters(Map.of(
                        "junit.jupiter.execution.timeout.default",
                        testSeconds + " s",
                        "junit.jupiter.execution.timeout.mode",
                        "enabled",
                        // A separate thread lets the timeout abandon a loop that never checks for interrupts.
                        "junit.jupiter.execution.timeout.thread.mode.default",
                        "SEPARATE_THREAD",
                        "junit.jupiter.execution.parallel.enabled",
                        "false",
                        "junit.jupiter.displayname.generator.default",
                        "org.junit.jupiter.api.DisplayNameGenerator$Standard"))
                .build();
    }
}
