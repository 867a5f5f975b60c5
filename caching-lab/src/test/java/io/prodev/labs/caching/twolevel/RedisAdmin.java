package io.prodev.labs.caching.twolevel;

import io.prodev.labs.labkit.redis.RedisEndpoint;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ClientType;
import redis.clients.jedis.params.ClientKillParams;

/**
 * What the Redis server itself sees, over a connection of the test's own: which clients are connected, how
 * many connections it has accepted so far, who listens on a channel, and a way to cut a client off, as a
 * restarting or overloaded server would.
 */
final class RedisAdmin implements AutoCloseable {

    private static final Pattern CLIENT_ID = Pattern.compile("(?:^| )id=(\\d+)");
    private static final Pattern CONNECTIONS_RECEIVED = Pattern.compile("(?m)^total_connections_received:(\\d+)");

    private final Jedis jedis;

    RedisAdmin(RedisEndpoint endpoint) {
        this.jedis = new Jedis(endpoint.uri());
    }

    /** The ids of the connections in pub/sub mode (CLIENT LIST TYPE pubsub). */
    Set<Long> pubSubClientIds() {
        Set<Long> ids = new HashSet<>();
        jedis.clientList(ClientType.PUBSUB).lines().forEach(line -> {
            Matcher id = CLIENT_ID.matcher(line);
            if (id.find()) {
                ids.add(Long.parseLong(id.group(1)));
            }
        });
        return ids;
    }

    /** Closes these connections from the server's side (CLIENT KILL ID), as if the server had dropped them. */
    void kill(Set<Long> clientIds) {
        for (long id : clientIds) {
            jedis.clientKill(ClientKillParams.clientKillParams().id(String.valueOf(id)));
        }
    }

    /** How many clients are connected right now, this one included (the lines of CLIENT LIST). */
    long connectedClients() {
        return jedis.clientList().lines().filter(line -> !line.isBlank()).count();
    }

    /** How many connections the server has accepted since it started (INFO stats, total_connections_received). */
    long connectionsReceived() {
        Matcher received = CONNECTIONS_RECEIVED.matcher(jedis.info("stats"));
        if (!received.find()) {
            throw new IllegalStateException("INFO stats has no total_connections_received line");
        }
        return Long.parseLong(received.group(1));
    }

    /** How many connections are subscribed to {@code channel} (PUBSUB NUMSUB). */
    long subscribers(String channel) {
        return jedis.pubsubNumSub(channel).getOrDefault(channel, 0L);
    }

    @Override
    public void close() {
        jedis.close();
    }
}
