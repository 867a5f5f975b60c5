package io.prodev.labs.caching.twolevel;

import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Listens on one Redis pub/sub channel and hands every message to a callback. A subscribed connection
 * can do nothing but listen, and SUBSCRIBE blocks the thread that sends it, so the subscriber has a
 * connection and a thread of its own. {@link #close()} unsubscribes and waits for that thread to end.
 */
final class InvalidationSubscriber implements AutoCloseable {

    // BEGIN SOLUTION: remove
    private static final long TIMEOUT_SECONDS = 10;

    private final String channel;
    private final Jedis connection;
    private final JedisPubSub listener;
    private final Thread thread;
    private final Runnable onLost;
    private final CountDownLatch subscribedOrEnded = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    // END SOLUTION

    /**
     * Subscribes and returns once the subscription is active, so that no message published after the
     * constructor returns can be missed.
     *
     * @param onMessage called on the subscriber thread with each message
     * @param onLost    called on the subscriber thread if the subscription ends without {@link #close()}
     * @throws IllegalStateException if the subscription could not be made
     */
    InvalidationSubscriber(URI redisUri, String channel, Consumer<String> onMessage, Runnable onLost) {
        Objects.requireNonNull(redisUri, "redisUri");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(onMessage, "onMessage");
        Objects.requireNonNull(onLost, "onLost");
        // BEGIN SOLUTION
        this.channel = channel;
        this.onLost = onLost;
        this.connection = connect(redisUri, channel);
        this.listener = new JedisPubSub() {
            @Override
            public void onSubscribe(String subscribedChannel, int subscribedChannels) {
                subscribedOrEnded.countDown();
            }

            @Override
            public void onMessage(String fromChannel, String message) {
                onMessage.accept(message);
            }
        };
        this.thread = new Thread(this::listen, "invalidation-subscriber-" + channel);
        thread.setDaemon(true); // a cache someone forgot to close must not keep the JVM alive
        thread.start();
        awaitSubscription(redisUri);
        // END SOLUTION
    }

    /** Unsubscribes, waits for the subscriber thread to end and closes the connection. Idempotent. */
    @Override
    public void close() {
        // BEGIN SOLUTION
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            listener.unsubscribe(); // SUBSCRIBE returns on the subscriber thread, which then ends
        } catch (RuntimeException notSubscribedOrBroken) {
            // Nothing to unsubscribe from: closing the connection below ends the thread.
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connection.close(); // also ends a thread still blocked on a dead socket
        }
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    /** The subscriber thread: blocks in SUBSCRIBE until close() unsubscribes or the connection fails. */
    private void listen() {
        try {
            connection.subscribe(listener, channel);
        } catch (RuntimeException connectionFailed) {
            // Reported through onLost below; after close() it is the expected way to end.
        } finally {
            subscribedOrEnded.countDown();
            if (!closed.get()) {
                onLost.run();
            }
        }
    }

    private static Jedis connect(URI redisUri, String channel) {
        try {
            return new Jedis(redisUri); // Jedis 8 connects here, not on the first command
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not subscribe to channel " + channel + " at " + redisUri, e);
        }
    }

    private void awaitSubscription(URI redisUri) {
        boolean signalled;
        try {
            signalled = subscribedOrEnded.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            signalled = false;
        }
        if (!signalled || !listener.isSubscribed()) {
            close();
            throw new IllegalStateException("could not subscribe to channel " + channel + " at " + redisUri);
        }
    }
    // END SOLUTION
}
