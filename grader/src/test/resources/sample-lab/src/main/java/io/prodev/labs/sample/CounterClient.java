package io.prodev.labs.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Task 3: a client of the counter server. The server speaks a line protocol: for each command line it reads
 * it writes one reply line. {@code HIT} adds one to its count and replies with the new count; {@code COUNT}
 * replies with the count; anything else gets a line that starts with {@code ERROR}.
 */
public final class CounterClient {

    private final String host;
    private final int port;

    /** A client of the counter server at {@code host:port}. */
    public CounterClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Adds one to the server's count.
     *
     * @return the count after this hit
     * @throws IOException when the server cannot be reached or answers with an error
     */
    public long hit() throws IOException {
        // BEGIN SOLUTION
        return Long.parseLong(ask("HIT"));
        // END SOLUTION
    }

    /**
     * The server's count, unchanged.
     *
     * @throws IOException when the server cannot be reached or answers with an error
     */
    public long count() throws IOException {
        // BEGIN SOLUTION
        return Long.parseLong(ask("COUNT"));
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private String ask(String command) throws IOException {
        try (Socket socket = new Socket(host, port);
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            out.write(command + "\n");
            out.flush();
            String reply = in.readLine();
            if (reply == null) {
                throw new IOException("the counter server closed the connection without answering " + command);
            }
            if (reply.startsWith("ERROR")) {
                throw new IOException("the counter server answered " + command + " with: " + reply);
            }
            return reply;
        }
    }
    // END SOLUTION
}
