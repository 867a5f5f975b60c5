package io.prodev.labs.labkit.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/** Starts (or finds) the Redis server a {@link RedisBackendChoice} names. */
public final class RedisServers {

    private static final int START_ATTEMPTS = 3;

    private RedisServers() {}

    public static RunningRedis start(RedisBackendChoice choice) {
        return switch (choice.backend()) {
            case EXTERNAL -> external(choice.url());
            case CONTAINER -> container();
            case EMBEDDED -> embedded();
        };
    }

    /** Asks Testcontainers; false, never an exception, when there is no Docker engine. */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static RunningRedis external(URI url) {
        RedisEndpoint endpoint =
                new RedisEndpoint(url.getHost(), url.getPort() == -1 ? 6379 : url.getPort(), url.getUserInfo(), 0);
        return new Running(endpoint, "REDIS_URL server at " + endpoint.host() + ":" + endpoint.port(), () -> {});
    }

    @SuppressWarnings("resource") // closed by the returned handle
    private static RunningRedis container() {
        GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        redis.start();
        RedisEndpoint endpoint = new RedisEndpoint(redis.getHost(), redis.getMappedPort(6379), null, 0);
        return new Running(
                endpoint, "redis:7-alpine container at " + endpoint.host() + ":" + endpoint.port(), redis::stop);
    }

    /**
     * The embedded binary on a free loopback port. Persistence is off and its working directory is a
     * temporary one, so a test run leaves no dump.rdb behind. Another process can take the port between
     * choosing it and binding it, so a failed start is tried again on a new port.
     */
    private static RunningRedis embedded() {
        IOException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = freePort();
            try {
                Path dir = Files.createTempDirectory("labkit-redis-");
                RedisServer server = RedisServer.newRedisServer()
                        .executableProvider(executable())
                        .bind("127.0.0.1")
                        .port(port)
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .setting("dir " + dir.toAbsolutePath())
                        .setting("maxmemory 128mb")
                        .build();
                server.start();
                RedisEndpoint endpoint = new RedisEndpoint("127.0.0.1", port, null, 0);
                return new Running(endpoint, "embedded redis-server on 127.0.0.1:" + port, () -> {
                    stopQuietly(server);
                    deleteQuietly(dir);
                });
            } catch (IOException e) {
                last = e;
            }
        }
        throw new UncheckedIOException(
                "could not start the embedded redis-server after " + START_ATTEMPTS
                        + " attempts; set REDIS_URL to use a Redis you run yourself",
                last);
    }

    /** EMBEDDED_REDIS_EXECUTABLE if set, else the binary inside the embedded-redis jar. */
    private static ExecutableProvider executable() {
        String own = System.getenv(ExecutableProvider.ENVIRONMENT_EXECUTABLE_LOCATION);
        return own != null && !own.isBlank()
                ? ExecutableProvider.newEnvironmentVariableProvider()
                : ExecutableProvider.newJarResourceProvider();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on this machine", e);
        }
    }

    private static void stopQuietly(RedisServer server) {
        try {
            server.stop();
        } catch (IOException e) {
            System.err.println("[labkit] could not stop the embedded redis-server: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("[labkit] could not delete " + dir + ": " + e.getMessage());
        }
    }

    private record Running(RedisEndpoint endpoint, String description, Runnable stopper) implements RunningRedis {
        @Override
        public void close() {
            stopper.run();
        }
    }
}
