package io.prodev.labs.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.UnaryOperator;

/**
 * A backend that answers each request with exact bytes, for responses task 0's server would never send (hop-by-hop
 * fields named in {@code Connection}, a body that ends when the connection closes, garbage). Each request's head is
 * recorded; its body, framed by Content-Length, is skipped. The connection stays open after a response unless the
 * script's response says {@code Connection: close} or has no framing.
 */
final class ScriptedBackend implements AutoCloseable {

    final BlockingQueue<String> heads = new LinkedBlockingQueue<>();
    private final ServerSocket listener;
    private final UnaryOperator<String> script;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** {@code script} turns a request's head (request line and header lines) into the whole response. */
    ScriptedBackend(UnaryOperator<String> script) throws IOException {
        this.script = script;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "scripted-backend-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                sockets.add(socket);
                Thread connection = new Thread(() -> serve(socket), "scripted-backend-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                heads.add(head);
                long length = head.lines()
                        .filter(l -> l.toLowerCase().startsWith("content-length:"))
                        .mapToLong(l -> Long.parseLong(l.substring(15).trim()))
                        .findFirst()
                        .orElse(0);
                in.skipNBytes(length);
                String response = script.apply(head);
                out.write(response.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                String lower = response.toLowerCase();
                if (lower.contains("connection: close")
                        || !(lower.contains("content-length:") || lower.contains("transfer-encoding:"))) {
                    return;
                }
            }
        } catch (IOException e) {
            // the balancer closed the connection
        }
    }

    /** The head up to the empty line, without it; null when the connection ends first. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; (b = in.read()) >= 0; ) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
