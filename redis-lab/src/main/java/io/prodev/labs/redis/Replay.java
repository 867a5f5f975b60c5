package io.prodev.labs.redis;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import redis.clients.jedis.UnifiedJedis;

/** Prints the history {@link CallCounter} and {@link CallHistory} kept of a method's calls. */
public final class Replay {

    private Replay() {}

    /** {@link #replay(UnifiedJedis, String, Consumer)} on standard output. */
    public static void replay(UnifiedJedis redis, String name) {
        replay(redis, name, System.out::println);
    }

    /**
     * Prints {@code <name> was called <n> times:} (n from the counter; "1 time"), then one line per recorded call,
     * oldest first: {@code <name>(<input>) -> <output>}, {@code <name>(<input>) threw <exception>: <message>}, or
     * {@code <name>(<input>) -> ?} for a call whose output is not recorded (yet).
     *
     * @throws IllegalArgumentException naming the value, if {@code name} is null or blank
     */
    public static void replay(UnifiedJedis redis, String name, Consumer<String> out) {
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(out, "out");
        // BEGIN SOLUTION
        CallNames.require(name);
        String count = redis.get(name);
        long calls = count == null ? 0 : Long.parseLong(count);
        List<String> inputs = redis.lrange(CallHistory.inputsKey(name), 0, -1);
        List<String> outputs = redis.lrange(CallHistory.outputsKey(name), 0, -1);
        out.accept(name + " was called " + calls + (calls == 1 ? " time:" : " times:"));
        for (int i = 0; i < inputs.size(); i++) {
            String call = name + "(" + inputs.get(i) + ")";
            if (i >= outputs.size()) {
                out.accept(call + " -> ?");
            } else if (outputs.get(i).startsWith(CallRendering.THREW)) {
                out.accept(call + " " + outputs.get(i));
            } else {
                out.accept(call + " -> " + outputs.get(i));
            }
        }
        // END SOLUTION
    }
}
