package io.prodev.labs.http;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code https --port P --name N (--keystore FILE --storepass-env VAR | --self-signed) [--redirect-port P2]}: task
 * 0's site over TLS (task 2), with HSTS, and optionally a plain-HTTP server that redirects to it.
 */
@Command(
        name = "https",
        mixinStandardHelpOptions = true,
        description = "Serves the hello site (task 0) over TLS 1.3 and 1.2 with HSTS (task 2); --redirect-port adds a"
                + " plain-HTTP server answering 301 to the https URL.")
final class HttpsCommand implements Callable<Integer> {

    /** Either a keystore and the variable holding its password, or a certificate made on the spot. */
    static final class Certificate {
        @ArgGroup(exclusive = false)
        Keystore keystore;

        @Option(
                names = "--self-signed",
                required = true,
                description = "a new key and self-signed certificate for localhost, 127.0.0.1 and ::1 (for local use)")
        boolean selfSigned;
    }

    static final class Keystore {
        @Option(names = "--keystore", required = true, paramLabel = "FILE", description = "a PKCS#12 keystore")
        Path file;

        @Option(
                names = "--storepass-env",
                required = true,
                paramLabel = "VAR",
                description = "the environment variable holding the keystore's password (never on the command line)")
        String variable;
    }

    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", required = true, description = "the HTTPS port (0: a free one)")
    private int port;

    @Option(names = "--name", required = true, description = "the X-Served-By value of every response")
    private String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Certificate certificate;

    @Option(
            names = "--redirect-port",
            paramLabel = "P2",
            description = "also serve plain HTTP on this port, answering 301 to the https URL (0: a free one)")
    private Integer redirectPort;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            description = "the address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)")
    private String bind = "127.0.0.1";

    @Option(names = "--for", paramLabel = "SECONDS", description = "stop after that long (default: when stopped)")
    private Double seconds;

    HttpsCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        InetAddress address = Addresses.parse(bind);
        HelloSite site = new HelloSite(name, Optional.empty());
        SSLContext context = context(address);
        ServerSettings settings = ServerSettings.onPort(port).withBindAddress(address);
        List<WebServer> servers = new ArrayList<>();
        try {
            WebServer https = WebServer.start(settings.withSocketFactory(Tls.serverSockets(context)), new Hsts(site));
            servers.add(https);
            if (redirectPort != null) {
                servers.add(WebServer.start(
                        ServerSettings.onPort(redirectPort).withBindAddress(address), new HttpsRedirect(https.port())));
            }
        } catch (Exception e) {
            servers.forEach(WebServer::close);
            throw e;
        }
        List<URI> uris = servers.stream().map(WebServer::uri).toList();
        AutoCloseable all = () -> servers.forEach(WebServer::close);
        return Serving.serveUntilStopped(
                all, uris, Serving.lifetime(seconds), spec.commandLine().getOut());
    }

    private SSLContext context(InetAddress address) throws Exception {
        if (certificate.selfSigned) {
            List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));
            if (!address.isAnyLocalAddress() && !address.isLoopbackAddress()) {
                names.add(address.getHostAddress());
            }
            return Tls.selfSigned(names.toArray(String[]::new));
        }
        String variable = certificate.keystore.variable;
        String password = environment.get(variable);
        if (password == null) {
            throw new IllegalArgumentException("the environment variable " + variable
                    + " (--storepass-env) is not set: it must hold the" + " password of " + certificate.keystore.file);
        }
        char[] chars = password.toCharArray();
        try {
            return Tls.fromPkcs12(certificate.keystore.file, chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
