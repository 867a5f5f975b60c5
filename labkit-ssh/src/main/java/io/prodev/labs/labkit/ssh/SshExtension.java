package io.prodev.labs.labkit.ssh;

import io.prodev.labs.labkit.fixture.FixtureEnvironment;
import io.prodev.labs.labkit.ssh.internal.ServerState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link SshTest}. One server per test run, kept in the root store so that JUnit stops it when
 * the run ends; the endpoint of each class (the server with the class's password setting) in the class's store; the
 * server's files and settings restored before each test.
 */
public class SshExtension implements BeforeEachCallback, ParameterResolver {

    /** The resource lock {@link SshTest} classes hold: they share one server, whose root each test empties. */
    static final String SERVER_LOCK = "io.prodev.labs.labkit.ssh.server";

    private static final Namespace NAMESPACE = Namespace.create(SshExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        SshEndpoint endpoint = endpoint(context);
        try {
            ServerState.restore(endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("could not restore the SSH server's files in " + endpoint.root(), e);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SshEndpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() != SshEndpoint.class) {
            throw new ParameterResolutionException("SshExtension cannot supply a "
                    + parameter.getParameter().getType().getName());
        }
        return endpoint(context);
    }

    private SshEndpoint endpoint(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        // Keyed by the class: a @Nested class's store also sees its enclosing class's values.
        return classContext
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        classContext.getRequiredTestClass(),
                        key -> server(context).endpoint().withPassword(password(classContext)),
                        SshEndpoint.class);
    }

    private ServerInUse server(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        "server",
                        key -> {
                            ServerInUse server = ServerInUse.choose(FixtureEnvironment.current());
                            System.out.println("[labkit] SSH server for tests: " + server.description());
                            return server;
                        },
                        ServerInUse.class);
    }

    /** The class's {@link SshTest#password()}, or null for password login off; found on enclosing classes too. */
    private static String password(ExtensionContext classContext) {
        for (Class<?> type = classContext.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            Optional<SshTest> annotation = AnnotationSupport.findAnnotation(type, SshTest.class);
            if (annotation.isPresent()) {
                return annotation.get().password().isEmpty()
                        ? null
                        : annotation.get().password();
            }
        }
        return null;
    }

    /** The context of the test class: a test method's parent, or the class context itself. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
