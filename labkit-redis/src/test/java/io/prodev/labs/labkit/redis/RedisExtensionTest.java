package io.prodev.labs.labkit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import redis.clients.jedis.RedisClient;

/** Runs small annotated classes through the Jupiter engine and checks what the fixture did. */
class RedisExtensionTest {

    static final List<RedisEndpoint> SEEN = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forgetEndpoints() {
        SEEN.clear();
    }

    @Test
    void handsEachTestAConnectedClientOnAnEmptyDatabase() {
        Events tests = run(LeavesKeysBehind.class);

        tests.assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
    }

    @Test
    void givesEachTestClassADatabaseOfItsOwn() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(LeavesKeysBehind.class), selectClass(RecordsItsEndpoint.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(3));

        assertThat(SEEN).hasSize(3);
        assertThat(SEEN.get(0).database())
                .as("database of the first class vs the second")
                .isNotEqualTo(SEEN.get(2).database());
        assertThat(SEEN.get(0)).as("both tests of one class share its endpoint").isEqualTo(SEEN.get(1));
    }

    @Test
    void stopsTheServerItStartedWhenTheRunEnds() {
        run(RecordsItsEndpoint.class).assertStatistics(stats -> stats.succeeded(1));
        RedisEndpoint endpoint = SEEN.get(0);

        if (System.getenv(RedisBackendChooser.REDIS_URL) == null) {
            assertThatThrownBy(() -> new Socket(endpoint.host(), endpoint.port()).close())
                    .as("connecting to %s after the run", endpoint)
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aClassWithoutRedisTestGetsNoClient() {
        run(NotAnnotated.class)
                .assertThatEvents()
                .haveExactly(1, event(finishedWithFailure(instanceOf(ParameterResolutionException.class))));
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .execute()
                .testEvents();
    }

    @RedisTest
    static class LeavesKeysBehind {
        @BeforeEach
        void record(RedisEndpoint endpoint) {
            SEEN.add(endpoint);
        }

        @Test
        void first(RedisClient redis) {
            assertThat(redis.dbSize()).isZero();
            redis.set("left-over", "1");
        }

        @Test
        void second(RedisClient redis) {
            assertThat(redis.dbSize()).isZero();
            redis.set("left-over", "2");
        }
    }

    @RedisTest
    static class RecordsItsEndpoint {
        @Test
        void pings(RedisClient redis, RedisEndpoint endpoint) {
            SEEN.add(endpoint);
            assertThat(redis.ping()).isEqualTo("PONG");
        }
    }

    static class NotAnnotated {
        @Test
        void wantsAClient(RedisClient redis) {
            assertThat(redis).isNotNull();
        }
    }
}
