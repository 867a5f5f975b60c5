package io.prodev.labs.labkit.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void standsStillUntilMoved() {
        MutableClock clock = MutableClock.at(START);

        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Z"));
    }

    @Test
    void advanceAndSetMoveTheInstant() {
        MutableClock clock = MutableClock.at(START);

        assertThat(clock.advance(Duration.ofMinutes(5))).isEqualTo(START.plusSeconds(300));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(300));
        clock.set(START);
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    void aClockInAnotherZoneMovesWithTheOriginal() {
        MutableClock clock = MutableClock.at(START);
        Clock inAddisAbaba = clock.withZone(ZoneId.of("Africa/Addis_Ababa"));

        clock.advance(Duration.ofHours(1));

        assertThat(inAddisAbaba.instant()).isEqualTo(START.plusSeconds(3600));
        assertThat(inAddisAbaba.getZone()).isEqualTo(ZoneId.of("Africa/Addis_Ababa"));
    }
}
