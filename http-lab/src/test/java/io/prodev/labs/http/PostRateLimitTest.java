package io.prodev.labs.http;

import static io.prodev.labs.http.MiddlewareRequests.THURSDAY_10_00;
import static io.prodev.labs.http.MiddlewareRequests.address;
import static io.prodev.labs.http.MiddlewareRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.time.MutableClock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@Task("3")
class PostRateLimitTest {

    private static final String PROXY = "10.0.0.1";

    private final MutableClock clock = MutableClock.at(THURSDAY_10_00);
    private final AtomicInteger reached = new AtomicInteger();

    private Handler limited(PostRateLimit limit) {
        return limit.wrap(request -> {
            reached.incrementAndGet();
            return HttpResponse.text(200, "ok");
        });
    }

    private static HttpResponse post(Handler handler, String peer, String... headers) throws Exception {
        return handler.handle(request("POST", "/comments", peer, headers));
    }

    @Test
    void fivePostsAMinutePassByDefaultAndTheSixthGets429() throws Exception {
        Handler handler = limited(new PostRateLimit(clock, Set.of()));
        for (int i = 1; i <= 5; i++) {
            assertThat(post(handler, "192.0.2.1").status())
                    .as("POST %d of 5 from one client at the same moment", i)
                    .isEqualTo(200);
        }

        HttpResponse sixth = post(handler, "192.0.2.1");

        assertThat(sixth.status()).as("the 6th POST within a minute").isEqualTo(429);
        assertThat(sixth.headers().first("Retry-After"))
                .as("Retry-After of the 6th POST, sent at the same moment as the first five")
                .hasValue("60");
        assertThat(reached.get()).as("POSTs that reached the handler").isEqualTo(5);
    }

    @Test
    void theWindowSlidesRetryAfterIsUntilTheOldestFrees() throws Exception {
        Handler handler = limited(new PostRateLimit(3, Duration.ofSeconds(60), clock, Set.of()));
        for (int i = 0; i < 3; i++) {
            assertThat(post(handler, "192.0.2.1").status())
                    .as("POST at 10:00:%02d", i * 10)
                    .isEqualTo(200);
            clock.advance(Duration.ofSeconds(10));
        }
        // now 10:00:30; counted: :00, :10, :20
        HttpResponse refused = post(handler, "192.0.2.1");
        assertThat(refused.status())
                .as("a 4th POST at 10:00:30, limit 3 per 60 s")
                .isEqualTo(429);
        assertThat(refused.headers().first("Retry-After"))
                .as("Retry-After at 10:00:30 when the oldest counted POST was at 10:00:00")
                .hasValue("30");

        clock.advance(Duration.ofMillis(400)); // 10:00:30.4
        assertThat(post(handler, "192.0.2.1").headers().first("Retry-After"))
                .as("Retry-After at 10:00:30.4: 29.6 s left, rounded up")
                .hasValue("30");

        clock.advance(Duration.ofMillis(29_100)); // 10:00:59.5
        assertThat(post(handler, "192.0.2.1").headers().first("Retry-After"))
                .as("Retry-After at 10:00:59.5: half a second left, rounded up")
                .hasValue("1");

        clock.advance(Duration.ofMillis(500)); // 10:01:00, the POST of 10:00:00 stops counting
        assertThat(post(handler, "192.0.2.1").status())
                .as("a POST at 10:01:00, exactly 60 s after the oldest")
                .isEqualTo(200);
        HttpResponse next = post(handler, "192.0.2.1");
        assertThat(next.status()).as("another POST at 10:01:00").isEqualTo(429);
        assertThat(next.headers().first("Retry-After"))
                .as("Retry-After at 10:01:00, the oldest counted now being 10:00:10 (refused POSTs do not count)")
                .hasValue("10");
    }

    @Test
    void refusedPostsAreNotCounted() throws Exception {
        Handler handler = limited(new PostRateLimit(1, Duration.ofSeconds(10), clock, Set.of()));
        post(handler, "192.0.2.1");
        for (int i = 0; i < 9; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(post(handler, "192.0.2.1").status())
                    .as("a retry %d s later", i + 1)
                    .isEqualTo(429);
        }
        clock.advance(Duration.ofSeconds(1));

        assertThat(post(handler, "192.0.2.1").status())
                .as("a POST 10 s after the only counted one, with 9 refused retries in between")
                .isEqualTo(200);
    }

    @Test
    void getsAreNeverCountedNorLimited() throws Exception {
        Handler handler = limited(new PostRateLimit(2, Duration.ofMinutes(1), clock, Set.of()));
        for (int i = 0; i < 10; i++) {
            handler.handle(request("GET", "/", "192.0.2.1"));
        }
        assertThat(post(handler, "192.0.2.1").status())
                .as("a POST after 10 GETs, limit 2")
                .isEqualTo(200);
        assertThat(post(handler, "192.0.2.1").status())
                .as("a 2nd POST after 10 GETs")
                .isEqualTo(200);
        assertThat(post(handler, "192.0.2.1").status()).as("a 3rd POST").isEqualTo(429);

        assertThat(handler.handle(request("GET", "/", "192.0.2.1")).status())
                .as("a GET from a client whose POSTs are limited")
                .isEqualTo(200);
        assertThat(handler.handle(request("PUT", "/", "192.0.2.1")).status())
                .as("a PUT from that client: only POSTs are limited")
                .isEqualTo(200);
    }

    @Test
    void eachClientHasItsOwnLimit() throws Exception {
        Handler handler = limited(new PostRateLimit(1, Duration.ofMinutes(1), clock, Set.of()));

        assertThat(post(handler, "192.0.2.1").status())
                .as("the first POST of 192.0.2.1")
                .isEqualTo(200);
        assertThat(post(handler, "192.0.2.2").status())
                .as("the first POST of 192.0.2.2")
                .isEqualTo(200);
        assertThat(post(handler, "2001:db8::7").status())
                .as("the first POST of 2001:db8::7")
                .isEqualTo(200);
        assertThat(post(handler, "192.0.2.1").status())
                .as("the second POST of 192.0.2.1")
                .isEqualTo(429);
    }

    @Test
    void aTrustedProxysFirstForwardedForEntryIsTheClient() throws Exception {
        Handler handler = limited(new PostRateLimit(1, Duration.ofMinutes(1), clock, Set.of(address(PROXY))));

        assertThat(post(handler, PROXY, "X-Forwarded-For", "203.0.113.7, 10.0.0.9")
                        .status())
                .as("the first POST through the trusted proxy %s for 203.0.113.7", PROXY)
                .isEqualTo(200);
        assertThat(post(handler, PROXY, "X-Forwarded-For", "203.0.113.8, 10.0.0.9")
                        .status())
                .as("a POST through the proxy for 203.0.113.8 (another client)")
                .isEqualTo(200);
        assertThat(post(handler, PROXY, "X-Forwarded-For", "203.0.113.7").status())
                .as("a second POST through the proxy for 203.0.113.7")
                .isEqualTo(429);
        assertThat(post(handler, PROXY).status())
                .as("a POST from the proxy itself, with no X-Forwarded-For")
                .isEqualTo(200);
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
        Handler handler = limited(new PostRateLimit(1, Duration.ofMinutes(1), clock, Set.of(address(PROXY))));

        assertThat(post(handler, "192.0.2.1", "X-Forwarded-For", "203.0.113.1").status())
                .as("a POST from 192.0.2.1 (not a trusted proxy) saying X-Forwarded-For: 203.0.113.1")
                .isEqualTo(200);
        assertThat(post(handler, "192.0.2.1", "X-Forwarded-For", "203.0.113.2").status())
                .as("a second POST from 192.0.2.1 claiming another client: it is still 192.0.2.1")
                .isEqualTo(429);
    }

    @Test
    void anEntryThatIsNotAnAddressLeavesThePeerAsTheClient() throws Exception {
        Handler handler = limited(new PostRateLimit(1, Duration.ofMinutes(1), clock, Set.of(address(PROXY))));

        assertThat(post(handler, PROXY, "X-Forwarded-For", "unknown").status())
                .as("a POST through the proxy with X-Forwarded-For: unknown")
                .isEqualTo(200);
        assertThat(post(handler, PROXY, "X-Forwarded-For", "999.1.1.1").status())
                .as("then X-Forwarded-For: 999.1.1.1 (not an address): the proxy is the client, already counted")
                .isEqualTo(429);
    }

    @Test
    void clientsAreForgottenOnceTheirPostsNoLongerCount() throws Exception {
        PostRateLimit limit = new PostRateLimit(5, Duration.ofMinutes(1), clock, Set.of());
        Handler handler = limited(limit);
        for (int i = 1; i <= 50; i++) {
            post(handler, "198.51.100." + i);
        }
        assertThat(limit.trackedClients())
                .as("clients after POSTs from 50 of them")
                .isEqualTo(50);
        clock.advance(Duration.ofSeconds(30));
        post(handler, "192.0.2.1");
        clock.advance(Duration.ofSeconds(30));

        assertThat(limit.trackedClients())
                .as("clients a minute after the 50, 30 s after one more POST")
                .isEqualTo(1);
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new PostRateLimit(0, Duration.ofMinutes(1), clock, Set.of()))
                .as("new PostRateLimit(0, 1 min, ...)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
    }

    @Test
    void aWindowOfZeroOrLessIsRefused() {
        assertThatThrownBy(() -> new PostRateLimit(5, Duration.ZERO, clock, Set.of()))
                .as("new PostRateLimit(5, Duration.ZERO, ...)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT0S");
        assertThatThrownBy(() -> new PostRateLimit(5, Duration.ofSeconds(-1), clock, Set.of()))
                .as("new PostRateLimit(5, -1 s, ...)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-1S");
    }
}
