package io.prodev.labs.grader.testjvm;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sockets this JVM holds open, as Linux shows them under /proc/self: a socket is a file descriptor linked to
 * {@code socket:[inode]}, and /proc/self/net/tcp and tcp6 say what each TCP inode is. Read before and after a
 * submission's run, they show a connection or a server socket the run opened and never closed, even one no
 * object refers to any more (the descriptor stays open until a garbage collection happens to close it). Where
 * /proc is missing, there is nothing to compare and no socket is reported.
 */
final class OpenSockets {

    private static final Path FDS = Path.of("/proc/self/fd");
    private static final List<Path> TCP_TABLES = List.of(Path.of("/proc/self/net/tcp"), Path.of("/proc/self/net/tcp6"));
    private static final String LISTEN = "0A";

    private OpenSockets() {}

    /** The inodes of the sockets open now. */
    static Set<String> inodes() {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(FDS)) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException closedMeanwhile) {
                    continue; // the descriptor that listed the folder, or one closed since
                }
                if (target.startsWith("socket:[") && target.endsWith("]")) {
                    inodes.add(target.substring("socket:[".length(), target.length() - 1));
                }
            }
        } catch (IOException | UnsupportedOperationException noProc) {
            return Set.of();
        }
        return inodes;
    }

    /**
     * What each of {@code inodes} is, in words ("a connection to 127.0.0.1:6379", "a server socket on port
     * 8080"); a socket that is not TCP is "a socket".
     */
    static List<String> describe(Collection<String> inodes) {
        Map<String, String> tcp = tcpSockets();
        return inodes.stream()
                .map(inode -> tcp.getOrDefault(inode, "a socket"))
                .sorted()
                .toList();
    }

    private static Map<String, String> tcpSockets() {
        Map<String, String> sockets = new HashMap<>();
        for (Path table : TCP_TABLES) {
            List<String> lines;
            try {
                lines = Files.readAllLines(table);
            } catch (IOException noTable) {
                continue;
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length < 10) {
                    continue;
                }
                String local = fields[1];
                String remote = fields[2];
                String description = LISTEN.equals(fields[3])
                        ? "a server socket on port " + port(local)
                        : "a connection to " + address(remote) + ":" + port(remote);
                sockets.put(fields[9], description);
            }
        }
        return sockets;
    }

    private static int port(String hexAddressAndPort) {
        return Integer.parseInt(hexAddressAndPort.substring(hexAddressAndPort.indexOf(':') + 1), 16);
    }

    /**
     * The address of a /proc/net/tcp entry: IPv4 as one little-endian hex word; IPv6 as four of them, shown as
     * IPv4 when it is an IPv4-mapped address, and as {@code [::1]} or hex words otherwise.
     */
    private static String address(String hexAddressAndPort) {
        String hex = hexAddressAndPort.substring(0, hexAddressAndPort.indexOf(':'));
        if (hex.length() == 8) {
            return ipv4(hex);
        }
        if (hex.startsWith("0000000000000000FFFF0000")) {
            return ipv4(hex.substring(24));
        }
        if (hex.equals("00000000000000000000000001000000")) {
            return "[::1]";
        }
        return "[" + hex + "]";
    }

    private static String ipv4(String littleEndianHex) {
        int value = (int) Long.parseLong(littleEndianHex, 16);
        return (value & 0xff) + "." + (value >>> 8 & 0xff) + "." + (value >>> 16 & 0xff) + "." + (value >>> 24 & 0xff);
    }
}
