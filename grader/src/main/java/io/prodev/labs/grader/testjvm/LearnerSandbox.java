package io.prodev.labs.grader.testjvm;

import java.io.File;
import java.io.FilePermission;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.Permission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Limits what learner code may do while the instructor's tests run: no System.exit or Runtime.halt,
 * no new processes, no writes outside the submission's workspace, no reads of the instructor's test
 * classes (the hidden tests live there), and no replacing this sandbox. A call is learner code's when any
 * class on the stack was compiled from the submission: a library learner code calls (Jackson writing a
 * file, a JDBC driver) gets the learner's rights, not its own. Calls with no learner code on the stack
 * (JUnit, the instructor's tests, labkit fixtures starting a server) are left alone. Native code is out of
 * a SecurityManager's sight: the OS sandbox (bubblewrap) bounds it.
 *
 * <p>It is a SecurityManager, which Java 17 to 23 still run. On a JDK without one the runner goes on
 * unsandboxed and says so in its events.
 */
@SuppressWarnings(
        "removal") // the SecurityManager is the sandbox JDK 17 to 23 offer; NoPrograms and bubblewrap cover later JDKs
final class LearnerSandbox extends SecurityManager {

    private volatile String learnerClasses;
    private final Path workspace;
    private final Set<Path> protectedFiles;
    private final Consumer<String> onDenied;
    private final Map<CodeSource, Boolean> learnerSources = new ConcurrentHashMap<>();
    private final Set<String> jvmWideChanges = ConcurrentHashMap.newKeySet();
    private volatile boolean runnerMayExit;

    /** @param protectedTests the folders of the instructor's tests, visible and hidden: learner code reads none */
    LearnerSandbox(Path learnerClasses, Path workspace, List<Path> protectedTests, Consumer<String> onDenied) {
        judge(learnerClasses);
        this.workspace = workspace.toAbsolutePath().normalize();
        Set<Path> files = new java.util.HashSet<>();
        protectedTests.forEach(
                dir -> files.addAll(listFiles(dir.toAbsolutePath().normalize())));
        this.protectedFiles = Set.copyOf(files);
        this.onDenied = onDenied;
    }

    /** Whose code the sandbox judges from now on: a warm worker runs one submission after another. */
    void judge(Path learnerClasses) {
        this.learnerClasses = learnerClasses.toAbsolutePath().normalize().toString();
        learnerSources.clear();
    }

    /**
     * The JVM-wide settings that cannot be read back, which anything asked to change since the last call: a
     * URL, socket or content handler factory, the default SSL context. Allowed, as in a JVM of one's own, but
     * a warm worker whose JVM saw one must not run another submission after it. Settings that can be read
     * back (System.out, the default proxy selector...) are compared by {@link LeftBehind} instead, because
     * tests change and restore them, and the JDK sets some of them up lazily on first use.
     */
    List<String> takeJvmWideChanges() {
        List<String> changes = jvmWideChanges.stream().sorted().toList();
        jvmWideChanges.removeAll(changes);
        return changes;
    }

    private static boolean changesTheWholeJvm(Permission permission) {
        String type = permission.getClass().getName();
        String name = permission.getName();
        return type.equals("java.lang.RuntimePermission") && name.equals("setFactory")
                || type.equals("javax.net.ssl.SSLPermission") && name.startsWith("set");
    }

    /** Puts this sandbox in charge; false on a JDK that no longer runs a SecurityManager. */
    boolean install() {
        try {
            System.setSecurityManager(this);
            return true;
        } catch (UnsupportedOperationException noSecurityManagerOnThisJdk) {
            return false;
        }
    }

    /** Lets the runner itself end the JVM once the results are written. */
    void allowRunnerExit() {
        runnerMayExit = true;
    }

    @Override
    public void checkPermission(Permission permission) {
        if (changesTheWholeJvm(permission)) {
            jvmWideChanges.add(permission.getClass().getSimpleName() + " " + permission.getName());
        }
        if (permission instanceof FilePermission file) {
            checkFile(file);
        } else if (permission instanceof RuntimePermission runtime) {
            checkRuntime(runtime.getName());
        } else if (permission instanceof java.nio.file.LinkPermission) {
            // A link made inside the workspace could point a later write outside it.
            deny("tried to create a file link", false);
        }
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        checkPermission(permission);
    }

    private void checkRuntime(String name) {
        if (name.startsWith("exitVM")) {
            if (!runnerMayExit) {
                deny("called System.exit(" + name.substring(name.indexOf('.') + 1) + ")", true);
            }
        } else if (name.equals("setSecurityManager")) {
            // Creating a SecurityManager is harmless, and the JDK does it on its own: the first check of the crypto
            // policy (every TLS connection makes one) creates a JceSecurityManager, often with learner code on the
            // stack. Installing one is what would replace the sandbox.
            deny("tried to replace the grader's sandbox", false);
        } else if (name.equals("writeFileDescriptor")) {
            // System.out is captured and capped; a raw file descriptor would bypass the cap.
            deny("tried to write to a raw file descriptor", false);
        }
    }

    private void checkFile(FilePermission permission) {
        String actions = permission.getActions();
        String name = permission.getName();
        if (actions.contains("execute")) {
            denyProgram(name);
        } else if ((actions.contains("write") || actions.contains("delete")) && !inside(name, workspace)) {
            deny("tried to write outside its workspace: " + name, false);
        } else if (actions.contains("read") && isProtected(name)) {
            deny("tried to read the instructor's test files: " + name, false);
        }
    }

    /**
     * Starting a program is denied whenever learner code is on the stack. When learner code asks itself, the
     * denial is reported; when a library it called asks, the denial is quiet: libraries probe the system that
     * way and carry on without an answer (sqlite-jdbc runs {@code uname -o} on every Linux connection), so a
     * note would blame the learner for what their library did. The library still gets no program.
     */
    private void denyProgram(String name) {
        switch (caller()) {
            case LEARNER -> deny("tried to start a program: " + name, true);
            case LIBRARY_FOR_LEARNER ->
                throw new SecurityException("grader sandbox: no program may start while your code runs (" + name + ")");
            case NOT_LEARNER -> {}
        }
    }

    /** Who asks: learner code itself, a library learner code called, or code with no learner code on the stack. */
    private enum Caller {
        LEARNER,
        LIBRARY_FOR_LEARNER,
        NOT_LEARNER
    }

    private Caller caller() {
        boolean first = true;
        for (Class<?> type : getClassContext()) {
            String name = type.getName();
            if (type == LearnerSandbox.class
                    || name.startsWith("java.")
                    || name.startsWith("jdk.")
                    || name.startsWith("sun.")) {
                continue;
            }
            if (isLearner(type)) {
                return first ? Caller.LEARNER : Caller.LIBRARY_FOR_LEARNER;
            }
            first = false;
        }
        return Caller.NOT_LEARNER;
    }

    private boolean isLearner(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source != null && learnerSources.computeIfAbsent(source, this::isLearnerSource);
    }

    /** Throws when learner code is on the stack; an exit is always denied (only the runner may end the JVM). */
    private void deny(String what, boolean evenWithoutLearnerFrame) {
        if (evenWithoutLearnerFrame || learnerCodeOnStack()) {
            onDenied.accept("Your code " + what + ": denied by the grader's sandbox");
            throw new SecurityException("grader sandbox: your code " + what + " (not allowed while grading)");
        }
    }

    /** Whether any class on the stack, outside the JDK and this sandbox, is learner code. */
    private boolean learnerCodeOnStack() {
        return caller() != Caller.NOT_LEARNER;
    }

    private boolean isLearnerSource(CodeSource source) {
        URL location = source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            return false;
        }
        try {
            String path = new File(location.toURI()).getAbsolutePath();
            return path.equals(learnerClasses) || path.startsWith(learnerClasses + File.separator);
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The instructor's test files, listed once before the sandbox goes up. Only files that exist are
     * protected: the class loader probes the test folder for every library class learner code loads,
     * and a probe for a file that is not there reveals nothing.
     */
    private static Set<Path> listFiles(Path dir) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
            return files.map(path -> path.toAbsolutePath().normalize())
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return java.util.Set.of(dir);
        }
    }

    private boolean isProtected(String file) {
        try {
            return protectedFiles.contains(Path.of(file).toAbsolutePath().normalize());
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static boolean inside(String file, Path dir) {
        if (file.equals("<<ALL FILES>>")) {
            return false;
        }
        try {
            return Path.of(file).toAbsolutePath().normalize().startsWith(dir);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
