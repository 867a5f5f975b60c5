package io.prodev.labs.labkit.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Local port forwarding through the server to a loopback service; nothing else is forwarded. */
@SshTest
class PortForwardingTest {

    @Test
    void aLocalForwardReachesALoopbackServiceThroughTheServer(SshEndpoint server) throws Exception {
        try (ServerSocket echoService = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread echo = new Thread(() -> echoOneLine(echoService), "loopback-echo-service");
            echo.start();
            Session session = JschClient.withKey(server);
            try {
                int tunnel = session.setPortForwardingL("127.0.0.1", 0, "127.0.0.1", echoService.getLocalPort());

                try (Socket socket = new Socket("127.0.0.1", tunnel);
                        PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
                        BufferedReader in = new BufferedReader(
                                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                    out.println("ping");
                    assertThat(in.readLine())
                            .as("the echo service's answer through the tunnel")
                            .isEqualTo("echo: ping");
                }
            } finally {
                session.disconnect();
                echo.join(5_000);
            }
        }
    }

    @Test
    void remoteForwardingIsRefused(SshEndpoint server) throws Exception {
        Session session = JschClient.withKey(server);
        try {
            assertThatThrownBy(() -> session.setPortForwardingR(0, "127.0.0.1", 9))
                    .as("asking the server to listen (ssh -R)")
                    .isInstanceOf(JSchException.class);
        } finally {
            session.disconnect();
        }
    }

    private static void echoOneLine(ServerSocket service) {
        try (Socket client = service.accept();
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            out.println("echo: " + in.readLine());
        } catch (Exception closed) {
            // the test fails on the missing answer
        }
    }
}
