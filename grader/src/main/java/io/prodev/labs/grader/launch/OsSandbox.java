package io.prodev.labs.grader.launch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The operating-system sandbox every test JVM runs in on Linux: bubblewrap ({@code bwrap}, Debian's package
 * {@code bubblewrap}). Whatever the JDK, and whatever road learner code takes (a library, native code, a
 * socket, a child process), the JVM and everything it starts see:
 *
 * <ul>
 *   <li>a read-only view of the system ({@code /usr}, the libraries, a few files of {@code /etc}) and of the
 *       class path it was given; nothing else of the machine (no home folders, no other submission);
 *   <li>its workspace as the only writable place, and a private, empty {@code /tmp};
 *   <li>a network namespace of its own with only its own loopback: no server on the grading machine, no
 *       other machine, is reachable; a fixture it starts inside listens on that private loopback;
 *   <li>a PID namespace of its own (it sees only its own processes), no capabilities, no new privileges,
 *       a session of its own, and death with the grader;
 *   <li>limits on file size (so a runaway write cannot fill the disk) and on open files and processes
 *       ({@code prlimit}). Linux does not apply the process limit to root, so a grader run as root relies
 *       on the PID namespace and the run's time limit there.
 * </ul>
 *
 * <p>Where bubblewrap is missing or may not create namespaces (macOS, a container without user namespaces)
 * {@link #detect()} says why, and the grader says so once and in every report.
 */
public final class OsSandbox {

    /** The largest file a sandboxed JVM may write: far beyond any lab's needs, far below a full disk. */
    static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

    static final int MAX_OPEN_FILES = 4096;
    static final int MAX_PROCESSES = 4096;

    private static volatile OsSandbox detected;

    private final Path bwrap;
    private final Path prlimit;
    private final String unavailable;

    private OsSandbox(Path bwrap, Path prlimit, String unavailable) {
        this.bwrap = bwrap;
        this.prlimit = prlimit;
        this.unavailable = unavailable;
    }

    /** The sandbox of this machine, probed once per grader run. */
    public static OsSandbox detect() {
        OsSandbox sandbox = detected;
        if (sandbox == null) {
            synchronized (OsSandbox.class) {
                if (detected == null) {
                    detected = probe();
                }
                sandbox = detected;
            }
        }
        return sandbox;
    }

    /** Whether test JVMs run inside it. */
    public boolean active() {
        return unavailable == null;
    }

    /** Why not, when {@link #active()} is false: a sentence that says how to get it. */
    public String unavailable() {
        return unavailable;
    }

    /**
     * The command that runs {@code command} inside the sandbox, or {@code command} itself when none is active.
     *
     * @param readable  files and folders the JVM may read (the class path, the learner's classes); the JDK and
     *                  the system's libraries are always readable
     * @param writable  folders it may write: the workspace, where it writes events
     * @param directory its working folder, inside one of {@code writable}
     */
    public List<String> wrap(
            List<String> command, Collection<Path> readable, Collection<Path> writable, Path directory) {
        if (!active()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(
                prlimit.toString(),
                "--fsize=" + MAX_FILE_BYTES,
                "--nofile=" + MAX_OPEN_FILES,
                "--nproc=" + MAX_PROCESSES,
                "--core=0",
                bwrap.toString()));
        wrapped.addAll(isolation());
        Set<Path> bound = new LinkedHashSet<>();
        Path javaHome = TestJava.current().home();
        addBind(wrapped, bound, "--ro-bind", javaHome);
        for (Path path : readable) {
            addBind(wrapped, bound, "--ro-bind", path);
        }
        for (Path path : writable) {
            addBind(wrapped, bound, "--bind", path);
        }
        wrapped.addAll(List.of("--chdir", directory.toAbsolutePath().toString(), "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Namespaces, the system's read-only view, /proc, /dev and a private /tmp: the same for every JVM. */
    private static List<String> isolation() {
        List<String> args = new ArrayList<>(List.of(
                "--unshare-all",
                "--cap-drop",
                "ALL",
                "--die-with-parent",
                "--new-session",
                "--ro-bind",
                "/usr",
                "/usr"));
        for (String system : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")) {
            if (Files.exists(Path.of(system))) {
                args.addAll(List.of("--ro-bind", system, system)); // often links into /usr: bound as links, read there
            }
        }
        for (Path etc : systemFiles()) {
            args.addAll(List.of("--ro-bind", etc.toString(), etc.toString()));
        }
        args.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        return args;
    }

    /**
     * The few files of /etc a JVM and its libraries read (users, name service, time zone, certificates, the
     * dynamic linker's cache, Debian's JDK configuration), never the rest (keys, shadow files, credentials).
     */
    private static List<Path> systemFiles() {
        List<Path> files = new ArrayList<>();
        for (String name : List.of(
                "passwd",
                "group",
                "hosts",
                "nsswitch.conf",
                "host.conf",
                "localtime",
                "timezone",
                "ld.so.cache",
                "ld.so.conf",
                "ld.so.conf.d",
                "ssl",
                "ca-certificates",
                "alternatives")) {
            Path file = Path.of("/etc", name);
            if (Files.exists(file)) {
                files.add(file);
            }
        }
        try (DirectoryStream<Path> javaConf = Files.newDirectoryStream(Path.of("/etc"), "java*")) {
            javaConf.forEach(files::add);
        } catch (IOException | RuntimeException noEtcHere) {
            // nothing more to bind
        }
        return files;
    }

    private static void addBind(List<String> args, Set<Path> bound, String how, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (bound.add(absolute) && Files.exists(absolute)) {
            args.addAll(List.of(how, absolute.toString(), absolute.toString()));
        }
    }

    private static OsSandbox probe() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return new OsSandbox(
                    null,
                    null,
                    "the OS sandbox (bubblewrap) exists only on Linux; this is " + System.getProperty("os.name"));
        }
        Path bwrap = onPath("bwrap");
        Path prlimit = onPath("prlimit");
        if (bwrap == null) {
            return new OsSandbox(null, null, "bubblewrap (bwrap) is not installed: apt-get install bubblewrap");
        }
        if (prlimit == null) {
            return new OsSandbox(null, null, "prlimit is not installed: apt-get install util-linux");
        }
        List<String> probe = new ArrayList<>(List.of(bwrap.toString()));
        probe.addAll(isolation());
        probe.addAll(List.of("--", "/bin/sh", "-c", "exit 0"));
        try {
            Process process =
                    new ProcessBuilder(probe).redirectErrorStream(true).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new OsSandbox(null, null, "bubblewrap did not answer within 10 s");
            }
            String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                return new OsSandbox(
                        null,
                        null,
                        "bubblewrap may not create namespaces here (user namespaces off?): "
                                + (said.isEmpty() ? "exit " + process.exitValue() : said));
            }
            return new OsSandbox(bwrap, prlimit, null);
        } catch (IOException e) {
            return new OsSandbox(null, null, "bubblewrap could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OsSandbox(null, null, "interrupted while probing bubblewrap");
        }
    }

    private static Path onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir :
                (path + File.pathSeparator + "/usr/bin" + File.pathSeparator + "/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
