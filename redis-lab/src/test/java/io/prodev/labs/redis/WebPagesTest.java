package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisTest;
import java.io.IOException;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

@Task("5")
@RedisTest
class WebPagesTest {

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient http = new OkHttpClient();
    private RedisClient redis;
    private String url;

    @BeforeEach
    void setUp(RedisClient redis) throws IOException {
        this.redis = redis;
        server.start();
        url = server.url("/listings/7").toString();
    }

    @AfterEach
    void tearDown() {
        server.close();
        http.connectionPool().evictAll();
    }

    private static MockResponse page(String body) {
        return new MockResponse.Builder().body(body).build();
    }

    @Test
    void aRepeatWithinTheTtlMakesNoRequest() {
        server.enqueue(page("<h1>Sunny loft</h1>"));
        WebPages pages = new WebPages(redis, http);

        assertThat(pages.getPage(url)).as("the first getPage(url)").isEqualTo("<h1>Sunny loft</h1>");
        assertThat(pages.getPage(url)).as("a second getPage(url) at once").isEqualTo("<h1>Sunny loft</h1>");
        assertThat(server.getRequestCount())
                .as("requests the server got for two getPage calls within the TTL")
                .isEqualTo(1);
    }

    @Test
    void everyCallIsCountedUnderCountUrl() {
        server.enqueue(page("hello"));
        WebPages pages = new WebPages(redis, http);

        pages.getPage(url);
        pages.getPage(url);
        pages.getPage(url);

        assertThat(redis.get("count:" + url))
                .as("GET count:%s after three getPage calls, two of them served from Redis", url)
                .isEqualTo("3");
    }

    @Test
    void thePageIsKeptInRedisForTenSeconds() {
        server.enqueue(page("hello"));

        new WebPages(redis, http).getPage(url);

        assertThat(redis.get("page:" + url))
                .as("GET page:%s after getPage(url)", url)
                .isEqualTo("hello");
        assertThat(redis.pttl("page:" + url))
                .as("PTTL page:%s (ms) just after getPage(url) with the default TTL of 10 s", url)
                .isBetween(1L, 10_000L);
    }

    @Test
    void anExpiredPageIsFetchedAgain() {
        server.enqueue(page("version 1"));
        server.enqueue(page("version 2"));
        WebPages pages = new WebPages(redis, http, Duration.ofMillis(200));

        assertThat(pages.getPage(url)).as("getPage(url) the first time").isEqualTo("version 1");
        await("page:" + url + " to expire in Redis after its 200 ms TTL")
                .atMost(Duration.ofSeconds(5))
                .until(() -> !redis.exists("page:" + url));

        assertThat(pages.getPage(url))
                .as("getPage(url) after its 200 ms TTL ran out in Redis")
                .isEqualTo("version 2");
        assertThat(server.getRequestCount()).as("requests the server got").isEqualTo(2);
    }

    @Test
    void aNon2xxAnswerIsNotCached() {
        server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
        server.enqueue(page("back"));
        WebPages pages = new WebPages(redis, http);

        assertThatThrownBy(() -> pages.getPage(url))
                .as("getPage(url) when the server answers 503")
                .isInstanceOfSatisfying(
                        PageUnavailableException.class,
                        e -> assertThat(e.status()).as("status()").isEqualTo(503))
                .hasMessageContaining(url)
                .hasMessageContaining("503");
        assertThat(redis.exists("page:" + url))
                .as("EXISTS page:url after a 503")
                .isFalse();
        assertThat(pages.getPage(url))
                .as("getPage(url) again, the server answering 200")
                .isEqualTo("back");
        assertThat(redis.get("count:" + url))
                .as("GET count:url: the failed call counts too")
                .isEqualTo("2");
    }

    @Test
    void anUnreachableServerIsNotCached() {
        server.close(); // nothing listens on its port any more

        assertThatThrownBy(() -> new WebPages(redis, http).getPage(url))
                .as("getPage(url) with nothing listening at %s", url)
                .isInstanceOf(PageUnavailableException.class)
                .hasMessageContaining(url)
                .hasCauseInstanceOf(IOException.class);
        assertThat(redis.exists("page:" + url))
                .as("EXISTS page:url after a failed fetch")
                .isFalse();
        assertThat(redis.get("count:" + url))
                .as("GET count:url after one failed call")
                .isEqualTo("1");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "not a url", "ftp://example.com/file"})
    void aUrlThatIsNotHttpIsRejectedAndNotCounted(String bad) {
        WebPages pages = new WebPages(redis, http);

        assertThatThrownBy(() -> pages.getPage(bad))
                .as("getPage(\"%s\")", bad)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(bad);
        assertThatThrownBy(() -> pages.getPage(null))
                .as("getPage(null)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThat(redis.dbSize()).as("keys in Redis after rejected URLs").isZero();
        assertThat(server.getRequestCount())
                .as("requests made for rejected URLs")
                .isZero();
    }

    @Test
    void aTtlOfOneMillisecondIsAllowed() {
        server.enqueue(page("brief"));

        assertThat(new WebPages(redis, http, Duration.ofMillis(1)).getPage(url))
                .as("getPage(url) with a TTL of 1 ms")
                .isEqualTo("brief");
    }

    @Test
    void aTtlBelowOneMillisecondIsRejected() {
        assertThatThrownBy(() -> new WebPages(redis, http, Duration.ZERO))
                .as("new WebPages(redis, http, Duration.ZERO)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT0S");
        assertThatThrownBy(() -> new WebPages(redis, http, Duration.ofSeconds(-5)))
                .as("new WebPages(redis, http, -5 s)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-5S");
    }
}
