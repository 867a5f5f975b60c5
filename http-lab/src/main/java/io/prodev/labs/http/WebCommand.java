package io.prodev.labs.http;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code web --port P --name N [--root DIR] [--metrics]}: task 0's site on a port (with task 4's endpoints), until stopped. */
@Command(
        name = "web",
        mixinStandardHelpOptions = true,
        description = "Serves the hello site (task 0): /, /redirect_me, a 404 page and /static/ from --root.")
final class WebCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", required = true, description = "the port to listen on (0: a free one)")
    private int port;

    @Option(names = "--name", required = true, description = "the X-Served-By value of every response")
    private String name;

    @Option(names = "--root", paramLabel = "DIR", description = "the folder served under /static/")
    private Path root;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            description = "the address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)")
    private String bind = "127.0.0.1";

    @Option(names = "--metrics", description = "serve /metrics and /health too (task 4)")
    private boolean metrics;

    @Option(names = "--for", paramLabel = "SECONDS", description = "stop after that long (default: when stopped)")
    private Double seconds;

    @Override
    public Integer call() throws Exception {
        ServerSettings settings = ServerSettings.onPort(port).withBindAddress(Addresses.parse(bind));
        Optional<StaticFiles> files = root == null ? Optional.empty() : Optional.of(new StaticFiles("/static/", root));
        HelloSite site = new HelloSite(name, files);
        Handler handler = metrics ? new Monitoring().wrap(site) : site;
        WebServer server = WebServer.start(settings, handler);
        return Serving.serveUntilStopped(
                server,
                server.uri(),
                Serving.lifetime(seconds),
                spec.commandLine().getOut());
    }
}
