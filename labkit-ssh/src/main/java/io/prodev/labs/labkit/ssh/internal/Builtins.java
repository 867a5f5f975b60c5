package io.prodev.labs.labkit.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The commands the fixture answers, written in Java so that no process is ever started and they behave alike on
 * every OS: output, messages and exit statuses follow GNU coreutils and {@code sh} for the cases labs use.
 */
final class Builtins {

    /** One command: its arguments (without its name) in, its exit status out. */
    interface Builtin {
        int run(List<String> args, CommandContext context) throws IOException, InterruptedException;
    }

    static final int NOT_FOUND = 127;

    private static final Map<String, Builtin> BY_NAME = Map.of(
            "echo", Builtins::echo,
            "cat", Builtins::cat,
            "pwd", Builtins::pwd,
            "sleep", Builtins::sleep,
            "exit", Builtins::exit,
            "sha256sum", Builtins::sha256sum,
            "env", Builtins::env);

    private Builtins() {}

    /** The command called {@code name}, or null. */
    static Builtin named(String name) {
        return BY_NAME.get(name);
    }

    /** {@code echo [-n] WORDS}: the words joined by spaces; {@code -n} leaves out the newline. */
    private static int echo(List<String> args, CommandContext context) throws IOException {
        boolean newline = args.isEmpty() || !args.get(0).equals("-n");
        List<String> words = newline ? args : args.subList(1, args.size());
        context.print(String.join(" ", words) + (newline ? "\n" : ""));
        return 0;
    }

    /** {@code cat [FILE...]}: the files one after another; standard input when none is named, or for "-". */
    private static int cat(List<String> args, CommandContext context) throws IOException {
        if (args.isEmpty()) {
            context.in().transferTo(context.out());
            return 0;
        }
        int status = 0;
        for (String name : args) {
            if (name.equals("-")) {
                context.in().transferTo(context.out());
                continue;
            }
            Path file = readableFile("cat", name, context);
            if (file == null) {
                status = 1;
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(context.out());
            }
        }
        return status;
    }

    /** {@code pwd}: the root as the remote side sees it; there is no cd, so always that. */
    private static int pwd(List<String> args, CommandContext context) throws IOException {
        context.print(context.root().remotePath() + "\n");
        return 0;
    }

    /** {@code sleep SECONDS}: fractions allowed; ends early when the channel closes (the thread is interrupted). */
    private static int sleep(List<String> args, CommandContext context) throws IOException, InterruptedException {
        if (args.isEmpty()) {
            context.printError("sleep: missing operand\n");
            return 1;
        }
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(args.get(0));
        } catch (NumberFormatException e) {
            seconds = BigDecimal.valueOf(-1);
        }
        if (seconds.signum() < 0) {
            context.printError("sleep: invalid time interval '" + args.get(0) + "'\n");
            return 1;
        }
        context.out().flush(); // what came before is seen while it sleeps
        TimeUnit.NANOSECONDS.sleep(seconds.movePointRight(9).longValue());
        return 0;
    }

    /** {@code exit [N]}: status N modulo 256, as sh has it. */
    private static int exit(List<String> args, CommandContext context) throws IOException {
        if (args.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(args.get(0)) & 0xFF;
        } catch (NumberFormatException e) {
            context.printError("sh: exit: " + args.get(0) + ": numeric argument required\n");
            return 2;
        }
    }

    /**
     * {@code sha256sum [FILE...]}: "HEX  NAME" lines; standard input, named "-", when no file is named. While the
     * settings folder holds the corrupt-checksums switch, every hash it reports is wrong (its first byte flipped).
     */
    private static int sha256sum(List<String> args, CommandContext context) throws IOException {
        List<String> names = args.isEmpty() ? List.of("-") : args;
        int status = 0;
        for (String name : names) {
            if (name.equals("-")) {
                context.print(reported(sha256(context.in()), context) + "  -\n");
                continue;
            }
            Path file = readableFile("sha256sum", name, context);
            if (file == null) {
                status = 1;
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                context.print(reported(sha256(in), context) + "  " + name + "\n");
            }
        }
        return status;
    }

    /** {@code env}: NAME=VALUE lines, sorted by name. */
    private static int env(List<String> args, CommandContext context) throws IOException {
        StringBuilder lines = new StringBuilder();
        new TreeMap<>(context.environment())
                .forEach((name, value) ->
                        lines.append(name).append('=').append(value).append('\n'));
        context.print(lines.toString());
        return 0;
    }

    /** The file at {@code name}, or null after saying on stderr, as coreutils does, why it cannot be read. */
    private static Path readableFile(String command, String name, CommandContext context) throws IOException {
        try {
            Path file = context.root().existing(name);
            if (Files.isDirectory(file)) {
                context.printError(command + ": " + name + ": Is a directory\n");
                return null;
            }
            return file;
        } catch (NoSuchFileException e) {
            context.printError(command + ": " + name + ": No such file or directory\n");
            return null;
        }
    }

    /** The hash as the server reports it: wrong, while checksums are switched to corrupt. */
    private static String reported(byte[] hash, CommandContext context) {
        if (ServerState.checksumsCorrupted(context.settings())) {
            hash[0] ^= (byte) 0xFF;
        }
        return HexFormat.of().formatHex(hash);
    }

    private static byte[] sha256(InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        byte[] buffer = new byte[8192];
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            digest.update(buffer, 0, read);
        }
        return digest.digest();
    }
}
