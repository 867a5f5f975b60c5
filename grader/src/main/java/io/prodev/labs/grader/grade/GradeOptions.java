package io.prodev.labs.grader.grade;

import io.prodev.labs.grader.launch.RunLimits;

/**
 * How to grade.
 *
 * @param limits         the forked run's limits
 * @param partial        credit in proportion to tests passed, not all or nothing
 * @param keepWorkspaces leave each submission's workspace on disk (for debugging a grade)
 * @param freshJvms      run every submission's tests in a JVM of its own, never in a warm worker
 * @param requireSandbox refuse to grade where the OS sandbox (bubblewrap) cannot run
 */
public record GradeOptions(
        RunLimits limits, boolean partial, boolean keepWorkspaces, boolean freshJvms, boolean requireSandbox) {

    /** Grades with the OS sandbox where this machine has one, and without it (saying so) where it has none. */
    public GradeOptions(RunLimits limits, boolean partial, boolean keepWorkspaces, boolean freshJvms) {
        this(limits, partial, keepWorkspaces, freshJvms, false);
    }
}
