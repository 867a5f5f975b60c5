package io.prodev.labs.http.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small closed-loop HTTP/1.1 load generator for bench.sh when wrk is not installed: C keep-alive connections, each
 * on its own thread, each sending GET and waiting for the whole answer before the next, for D seconds. It prints
 * what bench.sh reads from wrk: {@code Requests/sec: N} and {@code 99%: X ms}.
 *
 * <p>{@code java ... LoadGenerator URL CONNECTIONS SECONDS}
 */
public final class LoadGenerator {

    private LoadGenerator() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: LoadGenerator URL CONNECTIONS SECONDS");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        int connections = Integer.parseInt(args[1]);
        long nanos = (long) (Double.parseDouble(args[2]) * 1e9);
        long end = System.nanoTime() + nanos;
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[connections];
        for (int c = 0; c < connections; c++) {
            long[] mine = new long[4_000_000 / connections + 1000];
            latencies.add(mine);
            int index = c;
            Thread thread = new Thread(() -> counts[index] = run(uri, end, mine, errors));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        double seconds = nanos / 1e9;
        System.out.printf(Locale.ROOT, "Requests/sec: %.2f%n", total / seconds);
        System.out.printf(Locale.ROOT, "50%%: %.2fms%n", percentile(all, 0.50));
        System.out.printf(Locale.ROOT, "99%%: %.2fms%n", percentile(all, 0.99));
        System.out.printf("errors: %d%n", errors.get());
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    /** One connection's loop; returns how many requests it completed (their latencies in {@code out}). */
    private static int run(URI uri, long end, long[] out, AtomicLong errors) {
        byte[] request = ("GET " + (uri.getRawPath().isEmpty() ? "/" : uri.getRawPath()) + " HTTP/1.1\r\nHost: "
                        + uri.getHost() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        int done = 0;
        while (System.nanoTime() < end && done < out.length) {
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(10_000);
                OutputStream output = socket.getOutputStream();
                InputStream input = new BufferedInputStream(socket.getInputStream());
                while (System.nanoTime() < end && done < out.length) {
                    long start = System.nanoTime();
                    output.write(request);
                    output.flush();
                    if (!readResponse(input)) {
                        break; // the server closed: reconnect
                    }
                    out[done++] = System.nanoTime() - start;
                }
            } catch (IOException e) {
                errors.incrementAndGet();
            }
        }
        return done;
    }

    /** Reads one response with a Content-Length body; returns false when the server closed the connection. */
    private static boolean readResponse(InputStream in) throws IOException {
        long length = 0;
        StringBuilder line = new StringBuilder();
        boolean close = false;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            if (b == '\n') {
                String text = line.toString().strip();
                line.setLength(0);
                if (text.isEmpty()) {
                    break;
                }
                String lower = text.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            } else {
                line.append((char) b);
            }
        }
        in.skipNBytes(length); // an EOFException if the server closed early: counted as an error
        return !close;
    }
}
