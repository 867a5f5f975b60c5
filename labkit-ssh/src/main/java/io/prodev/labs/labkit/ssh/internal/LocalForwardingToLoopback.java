package io.prodev.labs.labkit.ssh.internal;

import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.forward.TcpForwardingFilter;

/**
 * Allows local port forwarding ({@code ssh -L}, direct-tcpip) to loopback addresses only, and nothing else: a test
 * tunnels to a service on this machine, never out of the sandbox, and never asks the server to listen.
 */
public final class LocalForwardingToLoopback implements TcpForwardingFilter {

    @Override
    public boolean canListen(SshdSocketAddress address, Session session) {
        return false;
    }

    @Override
    public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
        return type == Type.Direct && SshdSocketAddress.isLoopback(address.getHostName());
    }
}
