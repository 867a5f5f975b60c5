package io.prodev.labs.labkit.redis;

import io.prodev.labs.labkit.fixture.FixtureEnvironment;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import redis.clients.jedis.RedisClient;

/**
 * The extension behind {@link RedisTest}. One server per test run, kept in the root store so JUnit
 * stops it at the end; one database and one client per test class, kept in the class's store so
 * JUnit closes the client when the class is done; the database is emptied before each test.
 */
public class RedisExtension implements BeforeEachCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(RedisExtension.class);
    /** Redis has 16 logical databases by default; classes take them in turn. */
    private static final int DATABASES = 16;

    @Override
    public void beforeEach(ExtensionContext context) {
        client(context).flushDB();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RedisClient.class || type == RedisEndpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == RedisClient.class) {
            return client(context);
        }
        if (type == RedisEndpoint.class) {
            return endpoint(context);
        }
        throw new ParameterResolutionException("RedisExtension cannot supply a " + type.getName());
    }

    private RedisClient client(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        "client",
                        key -> RedisClient.create(endpoint(classContext).uri()),
                        RedisClient.class);
    }

    private RedisEndpoint endpoint(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        "endpoint",
                        key -> server(context).endpoint().withDatabase(nextDatabase(context)),
                        RedisEndpoint.class);
    }

    private RunningRedis server(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        "server",
                        key -> {
                            RedisBackendChoice choice = RedisBackendChooser.choose(
                                    FixtureEnvironment.current(), RedisServers::dockerAvailable);
                            RunningRedis server = RedisServers.start(choice);
                            System.out.println(
                                    "[labkit] Redis for tests: " + server.description() + " (" + choice.reason() + ")");
                            return server;
                        },
                        RunningRedis.class);
    }

    private int nextDatabase(ExtensionContext context) {
        AtomicInteger counter = context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent("databases", key -> new AtomicInteger(), AtomicInteger.class);
        return counter.getAndIncrement() % DATABASES;
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
