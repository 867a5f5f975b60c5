package io.prodev.labs.ssh;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunnel DEST -L [BIND:]PORT:HOST:HOSTPORT}: opens a {@link Tunnel}, prints {@code forwarding BIND:PORT ->
 * HOST:HOSTPORT through user@host:port (Ctrl-C to close)} and keeps it open until the process is interrupted (a
 * shutdown hook closes it), the thread running the command is interrupted, {@code --for SECONDS} have passed, or the
 * session ends. Then it prints {@code closed}, and exits with 0, or 1 if the session ended on its own.
 */
@Command(
        name = "tunnel",
        mixinStandardHelpOptions = true,
        description = "Forwards a local port to HOST:HOSTPORT through DEST (ssh -L), until Ctrl-C.")
final class TunnelCommand implements Callable<Integer> {

    private static final long POLL_MILLIS = 50;

    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connection;

    @Option(
            names = "-L",
            required = true,
            paramLabel = "[BIND:]PORT:HOST:HOSTPORT",
            converter = ForwardSpecConverter.class,
            description = "listen on BIND (default 127.0.0.1) port PORT (0: a free one) and forward each connection"
                    + " to HOST:HOSTPORT as DEST sees it; [::1] for an IPv6 address, * for every interface")
    private ForwardSpec forward;

    @Option(
            names = "--for",
            paramLabel = "SECONDS",
            description = "close the tunnel after that long (default: when interrupted)")
    private Double seconds;

    @Parameters(index = "0", paramLabel = "DEST", description = "user@host, or host for the local user name")
    private String destination;

    TunnelCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        SshTarget target = connection.target(environment, destination);
        Duration lifetime = seconds == null ? null : ConnectionOptions.seconds("--for", seconds);
        PrintWriter out = spec.commandLine().getOut();
        Tunnel tunnel = Tunnel.open(
                target,
                forward.bind(),
                forward.port(),
                forward.host(),
                forward.hostPort(),
                connection.connectTimeout());
        Thread closeOnExit = new Thread(tunnel::close, "tunnel-close-on-exit");
        Runtime.getRuntime().addShutdownHook(closeOnExit);
        boolean dropped;
        try {
            out.println("forwarding " + ForwardSpec.bracketed(forward.bind()) + ":" + tunnel.localPort() + " -> "
                    + ForwardSpec.bracketed(forward.host()) + ":" + forward.hostPort() + " through "
                    + target.address() + " (Ctrl-C to close)");
            out.flush();
            dropped = !waitWhileOpen(tunnel, lifetime);
        } finally {
            tunnel.close();
            try {
                Runtime.getRuntime().removeShutdownHook(closeOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: the tunnel is closed either way
            }
        }
        if (dropped) {
            spec.commandLine().getErr().println("tunnel: the session to " + target.address() + " ended");
            return 1;
        }
        out.println("closed");
        out.flush();
        return 0;
    }

    /** Waits until the lifetime is over or the thread is interrupted (true), or the session ended (false). */
    private static boolean waitWhileOpen(Tunnel tunnel, Duration lifetime) {
        long deadline = lifetime == null ? Long.MAX_VALUE : System.nanoTime() + lifetime.toNanos();
        try {
            while (tunnel.isOpen()) {
                long left = deadline - System.nanoTime();
                if (lifetime != null && left <= 0) {
                    return true;
                }
                Thread.sleep(lifetime == null ? POLL_MILLIS : Math.max(1, Math.min(POLL_MILLIS, left / 1_000_000)));
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** {@code -L}'s value: where to listen, and where the server connects each connection to. */
    record ForwardSpec(String bind, int port, String host, int hostPort) {

        /**
         * Parses {@code [BIND:]PORT:HOST:HOSTPORT}, as ssh's {@code -L} does: BIND defaults to 127.0.0.1 (never every
         * interface unless asked: {@code *}), PORT 0 asks for a free port, an IPv6 address stands in brackets.
         *
         * @throws IllegalArgumentException naming the spec and what is wrong with it
         */
        static ForwardSpec parse(String spec) {
            List<String> parts = split(spec);
            if (parts.size() != 3 && parts.size() != 4) {
                throw new IllegalArgumentException(
                        "-L takes [BIND:]PORT:HOST:HOSTPORT, got: \"" + spec + "\" (" + parts.size() + " parts)");
            }
            String bind = parts.size() == 4 ? parts.get(0) : "127.0.0.1";
            if (bind.equals("*")) {
                bind = "0.0.0.0";
            }
            int offset = parts.size() - 3;
            String host = parts.get(offset + 1);
            if (bind.isEmpty() || host.isEmpty()) {
                throw new IllegalArgumentException("-L: empty address in \"" + spec + "\"");
            }
            int port = port(spec, parts.get(offset), 0);
            int hostPort = port(spec, parts.get(offset + 2), 1);
            return new ForwardSpec(bind, port, host, hostPort);
        }

        private static List<String> split(String spec) {
            List<String> parts = new ArrayList<>();
            StringBuilder part = new StringBuilder();
            boolean inBrackets = false;
            for (char c : spec.toCharArray()) {
                if (c == '[' && part.length() == 0 && !inBrackets) {
                    inBrackets = true;
                } else if (c == ']' && inBrackets) {
                    inBrackets = false;
                } else if (c == ':' && !inBrackets) {
                    parts.add(part.toString());
                    part.setLength(0);
                } else {
                    part.append(c);
                }
            }
            if (inBrackets) {
                throw new IllegalArgumentException("-L: a '[' is not closed in \"" + spec + "\"");
            }
            parts.add(part.toString());
            return parts;
        }

        private static int port(String spec, String text, int lowest) {
            int port;
            try {
                port = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-L: \"" + text + "\" is not a port, in \"" + spec + "\"");
            }
            if (port < lowest || port > 65_535) {
                throw new IllegalArgumentException(
                        "-L: a port is " + lowest + " to 65535, got " + port + " in \"" + spec + "\"");
            }
            return port;
        }

        static String bracketed(String address) {
            return address.contains(":") ? "[" + address + "]" : address;
        }
    }

    /** Turns a bad -L value into a usage error (exit status 2) that names it. */
    static final class ForwardSpecConverter implements CommandLine.ITypeConverter<ForwardSpec> {
        @Override
        public ForwardSpec convert(String value) {
            try {
                return ForwardSpec.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
