package io.prodev.labs.http;

import static io.prodev.labs.http.MiddlewareRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.time.MutableClock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Task("3")
class TimeWindowTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-03T00:00:00Z"));
    private final AtomicInteger reached = new AtomicInteger();

    private int statusAt(TimeWindow window, String time) throws Exception {
        clock.set(Instant.parse("2026-12-03T" + time + "Z"));
        return window.wrap(request -> {
                    reached.incrementAndGet();
                    return HttpResponse.text(200, "ok");
                })
                .handle(request("GET", "/", "127.0.0.1"))
                .status();
    }

    @ParameterizedTest(name = "09:00-18:00 at {0}: {1}")
    @CsvSource({
        "08:59:59.999, 403",
        "09:00:00, 200",
        "12:30:00, 200",
        "17:59:59.999, 200",
        "18:00:00, 403",
        "23:00:00, 403"
    })
    void opensAtOpensAndClosesAtCloses(String time, int expected) throws Exception {
        TimeWindow window = new TimeWindow(LocalTime.of(9, 0), LocalTime.of(18, 0), clock);

        assertThat(statusAt(window, time))
                .as("a request at %s to a window open from 09:00 to 18:00 (opens inside, closes outside)", time)
                .isEqualTo(expected);
        assertThat(reached.get())
                .as("times the next handler ran for that request")
                .isEqualTo(expected == 200 ? 1 : 0);
    }

    @ParameterizedTest(name = "22:00-06:00 at {0}: {1}")
    @CsvSource({
        "21:59:59, 403",
        "22:00:00, 200",
        "23:59:59, 200",
        "00:00:00, 200",
        "05:59:59, 200",
        "06:00:00, 403",
        "12:00:00, 403"
    })
    void aWindowMayCrossMidnight(String time, int expected) throws Exception {
        TimeWindow window = new TimeWindow(LocalTime.of(22, 0), LocalTime.of(6, 0), clock);

        assertThat(statusAt(window, time))
                .as("a request at %s to a window open from 22:00 to 06:00", time)
                .isEqualTo(expected);
    }

    @Test
    void theTimeOfDayIsReadInTheClocksZone() throws Exception {
        TimeWindow window = new TimeWindow(
                LocalTime.of(9, 0), LocalTime.of(18, 0), clock.withZone(ZoneId.of("Africa/Addis_Ababa")));

        assertThat(statusAt(window, "07:00:00"))
                .as("07:00 UTC is 10:00 in Addis Ababa, inside 09:00-18:00 there")
                .isEqualTo(200);
        assertThat(statusAt(window, "16:00:00"))
                .as("16:00 UTC is 19:00 in Addis Ababa, outside 09:00-18:00 there")
                .isEqualTo(403);
    }

    @Test
    void theRefusalIsA403WithATextBody() throws Exception {
        TimeWindow window = new TimeWindow(LocalTime.of(9, 0), LocalTime.of(18, 0), clock);
        clock.set(Instant.parse("2026-12-03T20:00:00Z"));

        HttpResponse response =
                window.wrap(request -> HttpResponse.text(200, "ok")).handle(request("GET", "/", "127.0.0.1"));

        assertThat(response.status()).as("status at 20:00").isEqualTo(403);
        assertThat(response.headers().first("Content-Type"))
                .as("Content-Type of the 403")
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(MiddlewareRequests.text(response)).as("body of the 403").isNotBlank();
    }

    @Test
    void equalTimesAreRefused() {
        assertThatThrownBy(() -> new TimeWindow(LocalTime.of(9, 0), LocalTime.of(9, 0), clock))
                .as("new TimeWindow(09:00, 09:00, clock)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("09:00");
    }
}
