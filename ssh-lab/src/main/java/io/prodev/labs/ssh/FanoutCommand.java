package io.prodev.labs.ssh;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fanout --hosts H1,H2,... -- CMD...}: runs a command on several hosts with {@link FanOut} and prints one block
 * per host, in the order given: {@code == user@host:port ==}, then what the command printed (standard output, then
 * standard error) and {@code exit status N} when N is not 0, or {@code failed: ...}, or {@code timed out after ...}.
 * Exits with 0 only if every host ran the command with exit status 0, else 1.
 */
@Command(
        name = "fanout",
        mixinStandardHelpOptions = true,
        description = "Runs CMD on every host of --hosts, several at once, and prints one block per host.")
final class FanoutCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--hosts",
            required = true,
            split = ",",
            paramLabel = "HOST",
            description = "[user@]host[:port], comma-separated; [::1]:2222 for an IPv6 address")
    private List<String> hosts;

    @Option(names = "-i", paramLabel = "KEY", description = "the private key (default: ~/.ssh/id_ed25519)")
    private Path key;

    @Option(
            names = "--passphrase-env",
            paramLabel = "VAR",
            description = "the environment variable holding the key's passphrase")
    private String passphraseVariable;

    @Option(
            names = "-p",
            paramLabel = "PORT",
            description = "the port of hosts given without one (default: 22, or the configuration's)")
    private Integer port;

    @Option(
            names = "--known-hosts",
            paramLabel = "FILE",
            description = "the known_hosts file (default: ~/.ssh/known_hosts)")
    private Path knownHosts;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "an OpenSSH client configuration (Host blocks): each host is then [user@]alias[:port],"
                    + " resolved as ssh -F FILE does; the options given win over it")
    private Path config;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "how long each host may take, connecting included (default: ${DEFAULT-VALUE})",
            defaultValue = "60")
    private double timeout;

    @Option(
            names = "--parallel",
            paramLabel = "N",
            description = "how many hosts run at once (default: ${DEFAULT-VALUE})",
            defaultValue = "8")
    private int parallelism;

    @Parameters(arity = "1..*", paramLabel = "CMD", description = "the command and its arguments")
    private List<String> command;

    FanoutCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        Duration perHostTimeout = ConnectionOptions.seconds("--timeout", timeout);
        List<SshTarget> targets = new ArrayList<>();
        for (String host : hosts) {
            targets.add(target(host));
        }
        List<HostResult> results = FanOut.run(targets, String.join(" ", command), perHostTimeout, parallelism);
        PrintWriter out = spec.commandLine().getOut();
        boolean allZero = true;
        for (HostResult result : results) {
            out.println("== " + result.target().address() + " ==");
            if (result instanceof HostSucceeded succeeded) {
                CommandResult ran = succeeded.result();
                printEndingWithNewline(out, ran.stdout());
                printEndingWithNewline(out, ran.stderr());
                if (ran.exitStatus() != 0) {
                    out.println("exit status " + ran.exitStatus());
                    allZero = false;
                }
            } else if (result instanceof HostFailed failed) {
                out.println("failed: " + failed.message());
                allZero = false;
            } else if (result instanceof HostTimedOut timedOut) {
                out.println("timed out after " + seconds(timedOut.timeout()) + " s");
                allZero = false;
            }
        }
        out.flush();
        return allZero ? 0 : 1;
    }

    /** {@code [user@]host[:port]}, or {@code [user@][v6address]:port}, with -p's port when it has none. */
    private SshTarget target(String host) {
        int at = host.lastIndexOf('@');
        String address = host.substring(at + 1);
        String user = host.substring(0, at + 1);
        Integer hostPort = port;
        String name = address;
        int colon = address.lastIndexOf(':');
        boolean bracketed = address.startsWith("[");
        boolean hasPort = bracketed ? address.indexOf(']') < colon : colon >= 0 && colon == address.indexOf(':');
        if (hasPort) {
            hostPort = parsePort(host, address.substring(colon + 1));
            name = address.substring(0, colon);
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("--hosts: no host name in \"" + host + "\"");
        }
        return config == null
                ? Targets.from(environment, user + name, hostPort, key, passphraseVariable, knownHosts)
                : Targets.from(environment, user + name, hostPort, key, passphraseVariable, knownHosts, config);
    }

    private static int parsePort(String host, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--hosts: the port of \"" + host + "\" is not a number: " + text);
        }
    }

    private static void printEndingWithNewline(PrintWriter out, String text) {
        out.print(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            out.println();
        }
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros().toPlainString();
    }
}
