package io.prodev.labs.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lb --port P --backend URL [--backend URL ...] [--metrics]}: task 1's load balancer on a port (with task 4's
 * endpoints), until stopped.
 */
@Command(
        name = "lb",
        mixinStandardHelpOptions = true,
        description = "Spreads requests over backends (task 1), checking their health.")
final class LbCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", required = true, description = "the port to listen on (0: a free one)")
    private int port;

    @Option(
            names = "--backend",
            required = true,
            paramLabel = "URL",
            description = "a backend, http://host:port (repeat for each)")
    private List<String> backends = new ArrayList<>();

    @Option(names = "--policy", description = "ROUND_ROBIN (default) or LEAST_CONNECTIONS")
    private BalancingPolicy policy = BalancingPolicy.ROUND_ROBIN;

    @Option(names = "--health-path", paramLabel = "PATH", description = "what health checks GET (default /health)")
    private String healthPath = "/health";

    @Option(names = "--health-interval-ms", paramLabel = "N", description = "ms between health checks (default 2000)")
    private long healthIntervalMillis = 2000;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            description = "the address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)")
    private String bind = "127.0.0.1";

    @Option(
            names = "--metrics",
            description = "answer /metrics and /health itself, with the backends' health (task 4), "
                    + "instead of passing them on")
    private boolean metrics;

    @Option(names = "--for", paramLabel = "SECONDS", description = "stop after that long (default: when stopped)")
    private Double seconds;

    @Override
    public Integer call() throws Exception {
        List<URI> uris = new ArrayList<>();
        for (String backend : backends) {
            uris.add(parse(backend));
        }
        if (healthIntervalMillis < 1) {
            throw new IllegalArgumentException(
                    "--health-interval-ms must be a positive number of ms, got " + healthIntervalMillis);
        }
        BalancerSettings settings = BalancerSettings.defaults()
                .withPolicy(policy)
                .withHealthPath(healthPath)
                .withHealthInterval(Duration.ofMillis(healthIntervalMillis));
        ServerSettings serverSettings = ServerSettings.onPort(port).withBindAddress(Addresses.parse(bind));
        var lifetime = Serving.lifetime(seconds);
        LoadBalancer balancer = LoadBalancer.start(uris, settings);
        WebServer server;
        try {
            Handler handler =
                    metrics ? new Monitoring().watchBackends(balancer::backends).wrap(balancer) : balancer;
            server = WebServer.start(serverSettings, handler);
        } catch (Exception e) {
            balancer.close();
            throw e;
        }
        AutoCloseable both = () -> {
            server.close();
            balancer.close();
        };
        return Serving.serveUntilStopped(
                both, server.uri(), lifetime, spec.commandLine().getOut());
    }

    private static URI parse(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("a backend must be http://host:port, got \"" + text + "\"");
        }
    }
}
