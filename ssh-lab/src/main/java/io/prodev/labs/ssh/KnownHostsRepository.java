package io.prodev.labs.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Hands JSch's host key checks to {@link KnownHosts} under a {@link HostKeyPolicy}:
 * {@code jsch.setHostKeyRepository(new KnownHostsRepository(KnownHosts.load(file), HostKeyPolicy.ACCEPT_NEW))}.
 * With {@code StrictHostKeyChecking yes} on the session, JSch then refuses what this reports as not included or
 * changed, and the session fails with "UnknownHostKey" or "HostKey has been changed".
 */
public final class KnownHostsRepository implements HostKeyRepository {

    private final KnownHosts knownHosts;
    private final HostKeyPolicy policy;

    public KnownHostsRepository(KnownHosts knownHosts, HostKeyPolicy policy) {
        this.knownHosts = Objects.requireNonNull(knownHosts, "knownHosts");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** {@code host} is how JSch names the server: {@code host} on port 22, {@code [host]:port} on any other. */
    @Override
    public int check(String host, byte[] key) {
        String name = host;
        int port = 22;
        if (host.startsWith("[") && host.contains("]:")) {
            name = host.substring(1, host.indexOf("]:"));
            port = Integer.parseInt(host.substring(host.indexOf("]:") + 2));
        }
        String keyType = keyType(key);
        return switch (knownHosts.check(name, port, keyType, key)) {
            case KNOWN -> OK;
            case CHANGED -> CHANGED; // refused whatever the policy: a changed key is never trusted
            case UNKNOWN -> {
                if (policy == HostKeyPolicy.STRICT) {
                    yield NOT_INCLUDED;
                }
                try {
                    knownHosts.add(name, port, keyType, key);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not record the host key in " + knownHosts.file(), e);
                }
                yield OK;
            }
        };
    }

    /** The key type a public key blob names in its first field ("ssh-ed25519"). */
    private static String keyType(byte[] blob) {
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        byte[] type = new byte[buffer.getInt()];
        buffer.get(type);
        return new String(type, StandardCharsets.US_ASCII);
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // check() records accepted keys itself, so JSch has nothing to add
    }

    @Override
    public void remove(String host, String type) {
        throw new UnsupportedOperationException("known hosts are only added to here");
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        throw new UnsupportedOperationException("known hosts are only added to here");
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return knownHosts.file().toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return new HostKey[0];
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return new HostKey[0]; // JSch only uses these to order its preferences
    }
}
