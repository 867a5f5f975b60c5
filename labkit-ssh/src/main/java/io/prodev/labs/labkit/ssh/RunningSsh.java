package io.prodev.labs.labkit.ssh;

/** An SSH server {@link SshServers#start()} started in this JVM. Closing it stops it and deletes its files. */
public interface RunningSsh extends AutoCloseable {

    /** Where it listens and how to log in; password login off. */
    SshEndpoint endpoint();

    /** One line for the log: what runs where. */
    String description();

    /**
     * Empties the root folder, authorizes the client key alone, turns password login off, empties the log of commands
     * and turns the checksum fault off: a fresh server.
     */
    void reset();

    /** Stops the server and its threads, and deletes its folders; never throws. */
    @Override
    void close();
}
