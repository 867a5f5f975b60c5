package io.prodev.labs.grader.grade;

import java.nio.file.Path;
import java.util.Optional;

/** The hostile batch of {@link SandboxContainment}, graded on the JDK that runs the grader's tests. */
class SandboxContainmentTest extends SandboxContainment {

    @Override
    Optional<Path> testJdk() {
        return Optional.empty();
    }
}
