package io.prodev.labs.http;

import static io.prodev.labs.http.MiddlewareRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.time.MutableClock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Task("3")
@Hidden
class TimeWindowHiddenTest {

    @Hint("open means opens <= time < closes, or, across midnight, time >= opens or time < closes")
    @Test
    void randomWindowsAndTimesMatchTheRule() throws Exception {
        Random random = new Random(42);
        MutableClock clock = MutableClock.at(Instant.parse("2026-12-03T00:00:00Z"));
        for (int i = 0; i < 500; i++) {
            LocalTime opens = LocalTime.ofSecondOfDay(random.nextInt(86_400));
            LocalTime closes = LocalTime.ofSecondOfDay(random.nextInt(86_400));
            if (opens.equals(closes)) {
                continue;
            }
            LocalTime now = random.nextInt(4) == 0
                    ? (random.nextBoolean() ? opens : closes)
                    : LocalTime.ofSecondOfDay(random.nextInt(86_400));
            clock.set(Instant.parse("2026-12-03T" + now + (now.getSecond() == 0 ? ":00" : "") + "Z"));
            boolean open = opens.isBefore(closes)
                    ? !now.isBefore(opens) && now.isBefore(closes)
                    : !now.isBefore(opens) || now.isBefore(closes);
            int status = new TimeWindow(opens, closes, clock)
                    .wrap(r -> HttpResponse.text(200, "ok"))
                    .handle(request("GET", "/", "127.0.0.1"))
                    .status();
            assertThat(status)
                    .as("a request at %s to a window from %s to %s", now, opens, closes)
                    .isEqualTo(open ? 200 : 403);
        }
    }
}
