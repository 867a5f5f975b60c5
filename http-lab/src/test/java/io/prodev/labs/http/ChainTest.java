package io.prodev.labs.http;

import static io.prodev.labs.http.MiddlewareRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@Task("3")
class ChainTest {

    private final List<String> trace = new ArrayList<>();

    /** A middleware that writes {@code name>} on the way in and {@code <name} on the way out. */
    private Middleware tracing(String name) {
        return next -> request -> {
            trace.add(name + ">");
            HttpResponse response = next.handle(request);
            trace.add("<" + name);
            return response;
        };
    }

    @Test
    void theFirstListedSeesTheRequestFirstAndTheResponseLast() throws Exception {
        Handler handler = Chain.of(tracing("a"), tracing("b"), tracing("c")).then(request -> {
            trace.add("handler");
            return HttpResponse.text(200, "ok");
        });

        HttpResponse response = handler.handle(request("GET", "/", "127.0.0.1"));

        assertThat(response.status())
                .as("status through a chain of three that all pass")
                .isEqualTo(200);
        assertThat(trace)
                .as("Chain.of(a, b, c).then(handler): a is the outermost, then b, then c, then the handler")
                .containsExactly("a>", "b>", "c>", "handler", "<c", "<b", "<a");
    }

    @Test
    void aMiddlewareThatAnswersItselfStopsTheRequest() throws Exception {
        Middleware refuse = next -> request -> HttpResponse.text(403, "no");
        Handler handler = Chain.of(tracing("a"), refuse, tracing("c")).then(request -> {
            trace.add("handler");
            return HttpResponse.text(200, "ok");
        });

        HttpResponse response = handler.handle(request("GET", "/", "127.0.0.1"));

        assertThat(response.status()).as("the 403 of the second middleware").isEqualTo(403);
        assertThat(trace)
                .as("Chain.of(a, refuse, c): c and the handler never see the request, a sees the response")
                .containsExactly("a>", "<a");
    }

    @Test
    void anEmptyChainIsTheHandlerAlone() throws Exception {
        Handler handler = Chain.of().then(request -> HttpResponse.text(201, "made"));

        assertThat(handler.handle(request("POST", "/", "127.0.0.1")).status())
                .as("Chain.of().then(handler) answers as the handler does")
                .isEqualTo(201);
    }

    @Test
    void eachMiddlewareWrapsOnceNotOncePerRequest() throws Exception {
        AtomicInteger wraps = new AtomicInteger();
        Middleware counting = next -> {
            wraps.incrementAndGet();
            return next;
        };
        Handler handler = Chain.of(counting).then(request -> HttpResponse.text(200, "ok"));
        for (int i = 0; i < 3; i++) {
            handler.handle(request("GET", "/", "127.0.0.1"));
        }

        assertThat(wraps.get())
                .as("calls of wrap after then(handler) and three requests")
                .isEqualTo(1);
    }
}
