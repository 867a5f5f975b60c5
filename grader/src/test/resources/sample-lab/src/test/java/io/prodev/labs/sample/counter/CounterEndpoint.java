package io.prodev.labs.sample.counter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Where a counter server listens, as a test gets it from {@link WithCounter}. {@link #count()} asks the server
 * itself, so that a test can check what a learner's client did without trusting that client.
 */
public record CounterEndpoint(String host, int port) {

    /** The server's count, read over a connection of the test's own. */
    public long count() {
        try (Socket socket = new Socket(host, port);
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            out.write("COUNT\n");
            out.flush();
            return Long.parseLong(in.readLine());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the count of the counter server at " + host + ":" + port, e);
        }
    }
}
