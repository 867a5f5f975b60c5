package io.prodev.labs.labkit.ssh;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Gives a test class a real SSH server: Apache MINA SSHD in the test JVM on a free port of 127.0.0.1. Declare an
 * {@link SshEndpoint} parameter (test method, {@code @BeforeEach}) for its address, user, host key, root folder and
 * an authorized client key.
 *
 * <p>One server serves the whole test run: the one the grader started ({@link SshFixtureVariables}) when those
 * variables are set, else one the extension starts and stops when the run ends. Before each test its root folder is
 * emptied, the client key alone is authorized, and password login is set as the class asks: off unless {@link
 * #password()} is given. Classes that use it never run at the same time, even with parallel execution on.
 *
 * <p>The server runs no process: exec requests are answered by commands written in Java ({@code echo [-n]}, {@code
 * cat [FILE...]}, {@code pwd}, {@code sleep SECONDS}, {@code exit N}, {@code sha256sum [FILE...]}, {@code env}),
 * quoted as sh quotes ('single', "double", backslash; no variables, globs, pipes or redirections); any other
 * command exits with 127. Files resolve inside the root folder. SFTP serves the same folder; local port forwarding
 * ({@code ssh -L}) reaches loopback addresses. {@link SshEndpoint#commandsRun()} lists the command lines the server
 * ran during the test; {@link SshEndpoint#corruptChecksums(boolean)} makes its {@code sha256sum} lie, until the next
 * test.
 *
 * <pre>{@code
 * @SshTest
 * class RemoteEchoTest {
 *     @Test
 *     void echoes(SshEndpoint server) throws Exception {
 *         JSch jsch = new JSch();
 *         jsch.addIdentity(server.clientKey().toString());
 *         jsch.setKnownHosts(new ByteArrayInputStream(server.knownHostsLine().getBytes(UTF_8)));
 *         Session session = jsch.getSession(server.user(), server.host(), server.port());
 *         session.connect();
 *         // ... open an "exec" channel with "echo hi"
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SshExtension.class)
@ResourceLock(SshExtension.SERVER_LOCK)
public @interface SshTest {

    /** The password that logs the user in during this class's tests; empty (the default) turns password login off. */
    String password() default "";
}
