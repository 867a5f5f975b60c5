package io.prodev.labs.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ServerSocketFactory;

/**
 * A server socket factory whose sockets remember the options the server set on them, so a test can see that the
 * server asked for TCP_NODELAY and a read timeout without timing anything.
 */
final class RecordingSocketFactory extends ServerSocketFactory {

    /** The accepted sockets, in order. */
    final List<RecordingSocket> accepted = new CopyOnWriteArrayList<>();

    static final class RecordingSocket extends Socket {
        volatile boolean noDelaySet;
        volatile int timeoutSet = -1;

        @Override
        public void setTcpNoDelay(boolean on) throws SocketException {
            super.setTcpNoDelay(on);
            noDelaySet = on;
        }

        @Override
        public synchronized void setSoTimeout(int timeout) throws SocketException {
            super.setSoTimeout(timeout);
            if (timeoutSet < 0) {
                timeoutSet = timeout;
            }
        }
    }

    private final class RecordingServerSocket extends ServerSocket {
        RecordingServerSocket() throws IOException {
            super();
        }

        RecordingServerSocket(int port, int backlog, InetAddress address) throws IOException {
            super(port, backlog, address);
        }

        @Override
        public Socket accept() throws IOException {
            RecordingSocket socket = new RecordingSocket();
            implAccept(socket);
            accepted.add(socket);
            return socket;
        }
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new RecordingServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return new RecordingServerSocket(port, 50, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return new RecordingServerSocket(port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return new RecordingServerSocket(port, backlog, address);
    }
}
