package io.prodev.labs.labkit.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one command sees: the channel's streams, the file root, the settings folder (its switches, such as {@link
 * ServerState#checksumsCorrupted}), and the environment it runs in.
 *
 * @param environment the variables the client sent with the fixed ones on top
 */
record CommandContext(
        InputStream in,
        OutputStream out,
        OutputStream err,
        FileRoot root,
        Path settings,
        Map<String, String> environment) {

    void print(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    void printError(String text) throws IOException {
        err.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
