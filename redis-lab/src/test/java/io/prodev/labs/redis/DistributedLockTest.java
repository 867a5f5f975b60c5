package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

@Task("7")
@RedisTest
class DistributedLockTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration SHORT = Duration.ofMillis(200);

    private RedisClient redis;

    @BeforeEach
    void setUp(RedisClient redis) {
        this.redis = redis;
    }

    private void awaitExpiry(String key) {
        await(key + " to expire in Redis after its 200 ms TTL")
                .atMost(Duration.ofSeconds(5))
                .until(() -> !redis.exists(key));
    }

    @Test
    void oneOfTwoContendersGetsTheLock() {
        DistributedLock first = new DistributedLock(redis, "lock:orders", MINUTE);
        DistributedLock second = new DistributedLock(redis, "lock:orders", MINUTE);

        String token = first.tryAcquire();

        assertThat(token).as("tryAcquire() on a free lock").isNotNull();
        assertThat(UUID.fromString(token).version())
                .as("the token's UUID version (random)")
                .isEqualTo(4);
        assertThat(second.tryAcquire())
                .as("tryAcquire() by a second contender while it is taken")
                .isNull();
        assertThat(redis.get("lock:orders"))
                .as("GET lock:orders: the owner's token")
                .isEqualTo(token);
    }

    @Test
    void theLockIsTakenForItsTtl() {
        new DistributedLock(redis, "lock:orders", MINUTE).tryAcquire();

        assertThat(redis.pttl("lock:orders"))
                .as("PTTL lock:orders (ms) just after tryAcquire with a TTL of 1 minute")
                .isBetween(1L, 60_000L);
    }

    @Test
    void theOwnerReleasesAndTheNextOneTakesIt() {
        DistributedLock first = new DistributedLock(redis, "lock:orders", MINUTE);
        DistributedLock second = new DistributedLock(redis, "lock:orders", MINUTE);
        String token = first.tryAcquire();

        assertThat(first.release(token)).as("release(token) by the owner").isTrue();
        assertThat(redis.exists("lock:orders"))
                .as("EXISTS lock:orders after release")
                .isFalse();
        String next = second.tryAcquire();
        assertThat(next)
                .as("tryAcquire() by the second contender after the release")
                .isNotNull();
        assertThat(next).as("the second owner's token").isNotEqualTo(token);
        assertThat(first.release(token)).as("release(token) a second time").isFalse();
    }

    @Test
    void onlyTheOwnersTokenReleasesOrExtends() {
        DistributedLock lock = new DistributedLock(redis, "lock:orders", MINUTE);
        String token = lock.tryAcquire();
        String stranger = UUID.randomUUID().toString();

        assertThat(lock.release(stranger))
                .as("release(a token that does not own the lock)")
                .isFalse();
        assertThat(lock.extend(stranger, Duration.ofHours(1)))
                .as("extend(a token that does not own the lock, 1 hour)")
                .isFalse();
        assertThat(redis.get("lock:orders")).as("GET lock:orders after both").isEqualTo(token);
        assertThat(redis.pttl("lock:orders")).as("PTTL lock:orders after both").isLessThanOrEqualTo(60_000L);
    }

    @Test
    void theOwnerExtendsItsLock() {
        DistributedLock lock = new DistributedLock(redis, "lock:orders", MINUTE);
        String token = lock.tryAcquire();

        assertThat(lock.extend(token, Duration.ofHours(1)))
                .as("extend(token, 1 hour) by the owner")
                .isTrue();
        assertThat(redis.pttl("lock:orders"))
                .as("PTTL lock:orders (ms) after extend(token, 1 hour)")
                .isBetween(59 * 60_000L, 60 * 60_000L);
    }

    @Test
    void expiryFreesTheLockOfAnOwnerThatDied() {
        new DistributedLock(redis, "lock:orders", SHORT).tryAcquire(); // and never releases it
        DistributedLock contender = new DistributedLock(redis, "lock:orders", MINUTE);
        assertThat(contender.tryAcquire())
                .as("tryAcquire() while the first owner holds it")
                .isNull();

        awaitExpiry("lock:orders");

        assertThat(contender.tryAcquire())
                .as("tryAcquire() after the first owner's TTL ran out")
                .isNotNull();
    }

    @Test
    void anOwnerThatStalledPastItsTtlCannotTouchTheNextOwnersLock() {
        DistributedLock stalled = new DistributedLock(redis, "lock:orders", SHORT);
        DistributedLock next = new DistributedLock(redis, "lock:orders", MINUTE);
        String oldToken = stalled.tryAcquire();
        awaitExpiry("lock:orders"); // the owner stalls: a long GC pause, a slow disk
        String newToken = next.tryAcquire();

        assertThat(stalled.extend(oldToken, Duration.ofHours(1)))
                .as("extend(old token) after its TTL ran out and another took the lock")
                .isFalse();
        assertThat(stalled.release(oldToken))
                .as("release(old token) after its TTL ran out and another took the lock")
                .isFalse();
        assertThat(redis.get("lock:orders"))
                .as("GET lock:orders: the new owner's token")
                .isEqualTo(newToken);
        assertThat(redis.pttl("lock:orders"))
                .as("PTTL lock:orders (ms): the new owner's 1 minute")
                .isBetween(1L, 60_000L);
    }

    @Test
    void aTtlOfOneMillisecondIsAllowed() {
        assertThatCode(() -> new DistributedLock(redis, "lock:orders", Duration.ofMillis(1)).tryAcquire())
                .as("new DistributedLock(redis, name, 1 ms).tryAcquire()")
                .doesNotThrowAnyException();
        DistributedLock lock = new DistributedLock(redis, "lock:orders", MINUTE);
        assertThatCode(() -> lock.extend(UUID.randomUUID().toString(), Duration.ofMillis(1)))
                .as("extend(token, 1 ms)")
                .doesNotThrowAnyException();
    }

    @Test
    void badTokensAndTtlsAreRejected() {
        DistributedLock lock = new DistributedLock(redis, "lock:orders", MINUTE);
        String token = lock.tryAcquire();

        assertThatThrownBy(() -> lock.release(" "))
                .as("release(\" \")")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\" \"");
        assertThatThrownBy(() -> lock.extend(null, MINUTE))
                .as("extend(null, 1 minute)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> lock.extend(token, Duration.ZERO))
                .as("extend(token, Duration.ZERO)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT0S");
        assertThatThrownBy(() -> new DistributedLock(redis, "", MINUTE))
                .as("new DistributedLock(redis, \"\", 1 minute)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"\"");
        assertThatThrownBy(() -> new DistributedLock(redis, "lock:orders", Duration.ofMillis(-1)))
                .as("new DistributedLock(redis, name, -1 ms)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-0.001S");
        assertThat(redis.get("lock:orders"))
                .as("GET lock:orders after the rejected calls")
                .isEqualTo(token);
    }
}
