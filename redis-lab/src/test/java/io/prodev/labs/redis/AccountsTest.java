package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.concurrency.AllAtOnce;
import io.prodev.labs.labkit.redis.RedisTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

@Task("8")
@RedisTest
class AccountsTest {

    private RedisClient redis;

    @BeforeEach
    void setUp(RedisClient redis) {
        this.redis = redis;
    }

    @Test
    void aTransferMovesTheAmount() {
        redis.set("alice", "100");
        redis.set("bob", "5");

        assertThat(Accounts.transfer(redis, "alice", "bob", 30))
                .as("transfer(alice -> bob, 30) with alice at 100")
                .isTrue();

        assertThat(redis.get("alice"))
                .as("GET alice after moving 30 of her 100 to bob")
                .isEqualTo("70");
        assertThat(redis.get("bob"))
                .as("GET bob (5) after receiving 30 from alice")
                .isEqualTo("35");
    }

    @Test
    void theWholeBalanceCanMoveAndAMissingCounterHoldsZero() {
        redis.set("alice", "20");

        assertThat(Accounts.transfer(redis, "alice", "carol", 20))
                .as("transfer(alice -> carol, 20) with alice at exactly 20 and no key carol")
                .isTrue();

        assertThat(redis.get("alice")).as("GET alice after moving all her 20").isEqualTo("0");
        assertThat(redis.get("carol"))
                .as("GET carol (missing: 0) after receiving 20")
                .isEqualTo("20");
    }

    @Test
    void tooLittleMoneyReturnsFalseAndChangesNothing() {
        redis.set("alice", "20");
        redis.set("bob", "5");

        assertThat(Accounts.transfer(redis, "alice", "bob", 21))
                .as("transfer(alice -> bob, 21) with alice at 20")
                .isFalse();
        assertThat(Accounts.transfer(redis, "nobody", "alice", 1))
                .as("transfer(nobody -> alice, 1) with no key nobody (a balance of 0)")
                .isFalse();
        assertThat(Accounts.transfer(redis, "alice", "dave", 21))
                .as("transfer(alice -> dave, 21) with alice at 20 and no key dave")
                .isFalse();

        assertThat(redis.get("alice"))
                .as("GET alice after three refused transfers")
                .isEqualTo("20");
        assertThat(redis.get("bob"))
                .as("GET bob after a refused transfer to him")
                .isEqualTo("5");
        assertThat(redis.exists("nobody"))
                .as("EXISTS nobody after a refused transfer from it")
                .isFalse();
        assertThat(redis.exists("dave"))
                .as("EXISTS dave after a refused transfer to it")
                .isFalse();
    }

    @Test
    void concurrentTransfersAllGoThroughAndKeepTheTotal() throws InterruptedException {
        // 1000 each: even if every transfer from alice ran first, she would still hold enough for each of them
        redis.set("alice", "1000");
        redis.set("bob", "1000");
        AtomicInteger refused = new AtomicInteger();
        AllAtOnce.run(4, thread -> {
            boolean toBob = thread % 2 == 0;
            for (int i = 0; i < 50; i++) {
                if (!Accounts.transfer(redis, toBob ? "alice" : "bob", toBob ? "bob" : "alice", 7)) {
                    refused.incrementAndGet();
                }
            }
        });

        String what =
                "4 threads at once, 2 moving 7 from alice to bob 50 times, 2 from bob to alice, 1000 each at first";
        assertThat(refused.get())
                .as("transfers that returned false (always enough money: none) with %s", what)
                .isZero();
        assertThat(redis.get("alice")).as("GET alice after %s", what).isEqualTo("1000");
        assertThat(redis.get("bob")).as("GET bob after %s", what).isEqualTo("1000");
    }

    @Test
    void badInputIsRejectedAndChangesNothing() {
        redis.set("alice", "100");

        assertRejected("transfer(alice -> bob, 0)", () -> Accounts.transfer(redis, "alice", "bob", 0), "0");
        assertRejected("transfer(alice -> bob, -5)", () -> Accounts.transfer(redis, "alice", "bob", -5), "-5");
        assertRejected("transfer(null -> bob, 1)", () -> Accounts.transfer(redis, null, "bob", 1), "null");
        assertRejected("transfer(\"\" -> bob, 1)", () -> Accounts.transfer(redis, "", "bob", 1), "\"\"");
        assertRejected("transfer(alice -> null, 1)", () -> Accounts.transfer(redis, "alice", null, 1), "null");
        assertRejected("transfer(alice -> \" \", 1)", () -> Accounts.transfer(redis, "alice", " ", 1), "\" \"");
        assertRejected("transfer(alice -> alice, 10)", () -> Accounts.transfer(redis, "alice", "alice", 10), "alice");

        assertThat(redis.get("alice"))
                .as("GET alice after only rejected transfers")
                .isEqualTo("100");
        assertThat(redis.exists("bob"))
                .as("EXISTS bob after only rejected transfers")
                .isFalse();
    }

    private static void assertRejected(String call, ThrowingCallable transfer, String named) {
        assertThat(catchThrowable(transfer))
                .as("%s: an IllegalArgumentException whose message names %s", call, named)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(named);
    }
}
