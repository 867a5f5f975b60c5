package io.prodev.labs.ssh;

import io.prodev.labs.labkit.ssh.RunningSsh;
import io.prodev.labs.labkit.ssh.SshEndpoint;
import io.prodev.labs.labkit.ssh.SshServers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The demo: starts an SSH server in this JVM (labkit-ssh's, as the tests do), generates an ED25519 and an RSA key
 * pair (the RSA one with a passphrase) as ssh-keygen would, runs commands on the server, copies a file there and
 * back, runs a command on several targets at once, reaches a service on the server's loopback through a tunnel, and
 * removes what it made.
 *
 * <p>Run it with {@code ./mvnw -q -pl ssh-lab compile exec:java}.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws IOException {
        Path folder = Files.createTempDirectory("ssh-lab-demo");
        try (RunningSsh server = SshServers.start()) {
            System.out.println("SSH server: " + server.description());
            GeneratedKey key = showKeyPairs(folder);
            showRemoteCommands(server.endpoint(), key, folder);
            showFileTransfer(server.endpoint(), key, folder);
            showFanOut(server.endpoint(), key, folder);
            showTunnel(server.endpoint(), key, folder);
        } finally {
            deleteRecursively(folder);
        }
    }

    /**
     * Task 0: two key pairs, as ssh-keygen would write them. The RSA one has 2048 bits, not the default 4096: finding
     * 4096-bit primes can take seconds on a slow machine, and a demo should not.
     */
    private static GeneratedKey showKeyPairs(Path folder) throws IOException {
        GeneratedKey ed25519 = KeyPairs.generate(KeyType.ED25519, folder.resolve("id_ed25519"), "demo@ssh-lab", null);
        GeneratedKey rsa =
                KeyPairs.generate(KeyType.RSA, 2048, folder.resolve("id_rsa"), "demo@ssh-lab", "demo passphrase");
        for (GeneratedKey key : List.of(ed25519, rsa)) {
            System.out.println();
            System.out.println(key.privateKey().getFileName() + " "
                    + PosixFilePermissions.toString(Files.getPosixFilePermissions(key.privateKey())));
            System.out.println("  ssh-keygen -l: " + key.fingerprintLine());
            String line = Files.readString(key.publicKey()).trim();
            System.out.println("  " + key.publicKey().getFileName() + ": " + line.substring(0, 40) + "...");
        }
        return ed25519;
    }

    /** Task 2: commands on the server, logged in with the key task 0 made (now authorized), its host key known. */
    private static void showRemoteCommands(SshEndpoint endpoint, GeneratedKey key, Path folder) throws IOException {
        Files.writeString(endpoint.authorizedKeys(), Files.readString(key.publicKey()), StandardOpenOption.APPEND);
        Path knownHosts = Files.writeString(folder.resolve("known_hosts"), endpoint.knownHostsLine() + "\n");
        SshTarget target =
                new SshTarget(endpoint.host(), endpoint.port(), endpoint.user(), key.privateKey(), null, knownHosts);
        Duration timeout = Duration.ofSeconds(5);
        System.out.println();
        for (String command : List.of("echo hello from the server", "cat missing.txt", "exit 3")) {
            CommandResult result = RemoteCommand.run(target, command, timeout, timeout);
            System.out.printf(
                    "%-28s -> exit %d, stdout %s, stderr %s%n",
                    command, result.exitStatus(), quoted(result.stdout()), quoted(result.stderr()));
        }
        try {
            RemoteCommand.run(target, "sleep 10", timeout, Duration.ofMillis(300));
        } catch (SshFailure e) {
            System.out.println("sleep 10 with a 300 ms limit  -> " + e.getMessage());
        }
    }

    /**
     * Task 4: a file uploaded into a folder the server does not have yet, then downloaded back, each copy checked
     * against the server's sha256sum. The key of task 0 is authorized by now (showRemoteCommands did it).
     */
    private static void showFileTransfer(SshEndpoint endpoint, GeneratedKey key, Path folder) throws IOException {
        Path knownHosts = Files.writeString(folder.resolve("known_hosts_transfer"), endpoint.knownHostsLine() + "\n");
        SshTarget target =
                new SshTarget(endpoint.host(), endpoint.port(), endpoint.user(), key.privateKey(), null, knownHosts);
        Duration timeout = Duration.ofSeconds(10);
        byte[] content = new byte[256 * 1024];
        new Random(4).nextBytes(content);
        Path local = Files.write(folder.resolve("backup.bin"), content);
        TransferResult up = FileTransfer.upload(target, local, "backups/2026-12/backup.bin", timeout);
        TransferResult down = FileTransfer.download(target, up.to(), folder.resolve("backup-copy.bin"), timeout);
        System.out.println();
        for (TransferResult result : List.of(up, down)) {
            System.out.printf(
                    "%-8s %s -> %s%n         %d bytes, sha256 %s%n",
                    result == up ? "upload" : "download", result.from(), result.to(), result.bytes(), result.sha256());
        }
        List<String> ran = endpoint.commandsRun(); // the two checksums are the last commands the server took
        System.out.println("the server checked: "
                + String.join(", ", ran.subList(Math.max(0, ran.size() - 2), ran.size())));
    }

    /** Task 6: one command on three targets of the server at once, one of them a port nothing listens on. */
    private static void showFanOut(SshEndpoint endpoint, GeneratedKey key, Path folder) throws IOException {
        Path knownHosts = Files.writeString(folder.resolve("known_hosts_fanout"), endpoint.knownHostsLine() + "\n");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        List<SshTarget> hosts = new ArrayList<>();
        for (int port : new int[] {endpoint.port(), closedPort, endpoint.port()}) {
            hosts.add(new SshTarget(endpoint.host(), port, endpoint.user(), key.privateKey(), null, knownHosts));
        }
        List<HostResult> results;
        try {
            results = FanOut.run(hosts, "echo hello from the fleet", Duration.ofSeconds(5), 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        System.out.println();
        for (HostResult result : results) {
            String outcome;
            if (result instanceof HostSucceeded succeeded) {
                outcome = "exit " + succeeded.result().exitStatus() + ", stdout "
                        + quoted(succeeded.result().stdout());
            } else if (result instanceof HostFailed failed) {
                outcome = "failed: " + failed.message();
            } else {
                outcome = "timed out after " + ((HostTimedOut) result).timeout();
            }
            System.out.printf("fan-out to %-26s -> %s%n", result.target().address(), outcome);
        }
    }

    /**
     * Task 5: a small HTTP responder that listens on the loopback only, as a database or an admin page on a server
     * does, reached through a tunnel (ssh -L 0:127.0.0.1:PORT); once the tunnel is closed, its local port refuses.
     */
    private static void showTunnel(SshEndpoint endpoint, GeneratedKey key, Path folder) throws IOException {
        Path knownHosts = Files.writeString(folder.resolve("known_hosts_tunnel"), endpoint.knownHostsLine() + "\n");
        SshTarget target =
                new SshTarget(endpoint.host(), endpoint.port(), endpoint.user(), key.privateKey(), null, knownHosts);
        System.out.println();
        try (ServerSocket service = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread responder = new Thread(() -> respondToEach(service), "demo-http-responder");
            responder.start();
            System.out.println("service on the server's loopback: 127.0.0.1:" + service.getLocalPort());
            int localPort;
            try (Tunnel tunnel =
                    Tunnel.open(target, "127.0.0.1", 0, "127.0.0.1", service.getLocalPort(), Duration.ofSeconds(5))) {
                localPort = tunnel.localPort();
                System.out.println("tunnel open: 127.0.0.1:" + localPort + " -> 127.0.0.1:" + service.getLocalPort()
                        + " through " + target.address());
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), localPort)) {
                    socket.setSoTimeout(5_000);
                    socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    System.out.println("GET / through the tunnel -> " + quoted(response));
                }
            }
            System.out.println("tunnel closed");
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), localPort)) {
                System.out.println("127.0.0.1:" + localPort + " still answers (it should not)");
            } catch (IOException e) {
                System.out.println("127.0.0.1:" + localPort + " after close -> " + e.getMessage());
            }
            service.close();
            try {
                responder.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A tiny HTTP/1.0 responder: reads the request head, answers 200 with one line, closes. */
    private static void respondToEach(ServerSocket service) {
        while (true) {
            try (Socket client = service.accept()) {
                client.setSoTimeout(5_000);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    // the request head, up to its blank line; a connection that sends nothing ends here too
                }
                client.getOutputStream()
                        .write("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nonly on the loopback\n"
                                .getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                if (service.isClosed()) {
                    return;
                }
            }
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
