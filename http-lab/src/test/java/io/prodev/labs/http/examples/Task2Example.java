package io.prodev.labs.http.examples;

import io.prodev.labs.http.HelloSite;
import io.prodev.labs.http.Hsts;
import io.prodev.labs.http.HttpsRedirect;
import io.prodev.labs.http.ServerSettings;
import io.prodev.labs.http.Tls;
import io.prodev.labs.http.TrustStores;
import io.prodev.labs.http.WebServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** Task 2's README example: the hello site over HTTPS, with HSTS and a plain-HTTP redirect. */
public final class Task2Example {

    private Task2Example() {}

    public static void main(String[] args) throws Exception {
        // tag::example[]
        SSLContext context = Tls.selfSigned("localhost", "127.0.0.1");
        ServerSettings tls = ServerSettings.onPort(0).withSocketFactory(Tls.serverSockets(context));
        try (WebServer https = WebServer.start(tls, new Hsts(new HelloSite("web-01", Optional.empty())));
                WebServer http = WebServer.start(ServerSettings.onPort(0), new HttpsRedirect(https.port()))) {
            // trust this one certificate, as curl --cacert would; host names are still checked
            X509Certificate certificate = TrustStores.presentedBy("127.0.0.1", https.port());
            System.out.println("certificate for " + certificate.getSubjectAlternativeNames());
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(TrustStores.trusting(certificate))
                    .build();

            HttpResponse<String> secure =
                    client.send(HttpRequest.newBuilder(https.uri()).build(), BodyHandlers.ofString());
            System.out.println(
                    secure.sslSession().orElseThrow().getProtocol() + " " + secure.statusCode() + " " + secure.body());
            System.out.println("Strict-Transport-Security: "
                    + secure.headers().firstValue("Strict-Transport-Security").orElse("-"));

            HttpResponse<String> plain = client.send(
                    HttpRequest.newBuilder(http.uri().resolve("/docs?page=2")).build(), BodyHandlers.ofString());
            System.out.println(plain.statusCode() + " Location: "
                    + plain.headers()
                            .firstValue("Location")
                            .orElse("-")
                            .replace(":" + https.port() + "/", ":HTTPS_PORT/"));
            System.out.println("Strict-Transport-Security over plain HTTP: "
                    + plain.headers().firstValue("Strict-Transport-Security").orElse("-"));
        }
        // end::example[]
    }
}
