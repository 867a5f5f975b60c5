package io.prodev.labs.ssh.examples;

import io.prodev.labs.ssh.SshTarget;
import io.prodev.labs.ssh.Tunnel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The example of task 5 in README.md (grader check compares it, and its output, with the README). */
public final class Task5Example {

    private Task5Example() {}

    public static void main(String[] args) throws Exception {
        // The fixture's server, as the grader and the tests hand it over (labkit-ssh's SshFixtureVariables).
        Map<String, String> env = System.getenv();
        String host = env.get("SSH_FIXTURE_HOST");
        int port = Integer.parseInt(env.get("SSH_FIXTURE_PORT"));
        String user = env.get("SSH_FIXTURE_USER");
        Path key = Path.of(env.get("SSH_FIXTURE_KEY"));
        String hostKeyLine = env.get("SSH_FIXTURE_HOST_KEY");
        try (ServerSocket service = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int servicePort = service.getLocalPort();
            Thread greeter = new Thread(() -> greetEach(service), "greeter");
            greeter.start();
            // tag::example[]
            Path knownHosts = Files.createTempFile("known_hosts", "");
            Files.writeString(knownHosts, hostKeyLine + "\n");
            SshTarget server = new SshTarget(host, port, user, key, null, knownHosts);

            int localPort;
            Duration timeout = Duration.ofSeconds(5);
            try (Tunnel tunnel = Tunnel.open(server, "127.0.0.1", 0, "127.0.0.1", servicePort, timeout)) {
                localPort = tunnel.localPort();
                try (Socket socket = new Socket("127.0.0.1", localPort);
                        BufferedReader in = new BufferedReader(
                                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                    System.out.println(in.readLine());
                }
                System.out.println("open: " + tunnel.isOpen());
            }
            try (Socket socket = new Socket("127.0.0.1", localPort)) {
                System.out.println("still listening");
            } catch (ConnectException e) {
                System.out.println("closed: nothing listens on the local port");
            }
            // end::example[]
            service.close();
            greeter.join();
        }
    }

    /** The service behind the tunnel: one line to each connection, until its socket closes. */
    private static void greetEach(ServerSocket service) {
        while (true) {
            try (Socket client = service.accept()) {
                client.getOutputStream().write("hello from the server's loopback\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException closed) {
                return;
            }
        }
    }
}
