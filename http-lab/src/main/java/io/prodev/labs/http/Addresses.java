package io.prodev.labs.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Parses the addresses the commands take. */
final class Addresses {

    private Addresses() {}

    /** A literal IPv4 or IPv6 address (never a name: a typo must not turn into a DNS lookup). */
    static InetAddress parse(String text) {
        if (text == null || !text.matches("[0-9.]+|\\[?[0-9a-fA-F:.]+]?")) {
            throw new IllegalArgumentException("not an IP address: \"" + text + "\"");
        }
        try {
            return InetAddress.getByName(text.replace("[", "").replace("]", ""));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: \"" + text + "\"");
        }
    }
}
