package dev.camroll.server.cli;

import dev.camroll.core.files.RawNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The program's arguments with their bytes kept. Java decodes the command line as UTF-8 and puts
 * U+FFFD for bytes that are not, so a file name with such bytes would name another, missing file;
 * on Linux the kernel still holds the bytes in /proc/self/cmdline, which are decoded here into the
 * index's lossless form ({@link RawNames}).
 */
final class RawArguments {
    private static final Path COMMAND_LINE = Path.of("/proc/self/cmdline");

    private RawArguments() {}

    /** The arguments, read again from their bytes when Java's decoding lost some. */
    static String[] of(String[] args) {
        if (!anyLost(args)) {
            return args;
        }
        List<byte[]> words;
        try {
            words = words(Files.readAllBytes(COMMAND_LINE));
        } catch (IOException | UnsupportedOperationException e) {
            return args; // no such file on this system: the arguments as Java decoded them
        }
        if (words.size() < args.length) {
            return args;
        }
        List<byte[]> own = words.subList(words.size() - args.length, words.size());
        String[] kept = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            byte[] word = own.get(i);
            // The last words are the program's arguments; anything else leaves them as they were.
            if (!new String(word, StandardCharsets.UTF_8).equals(args[i])) {
                return args;
            }
            kept[i] = RawNames.decode(word);
        }
        return kept;
    }

    private static boolean anyLost(String[] args) {
        for (String arg : args) {
            if (arg.indexOf('\uFFFD') >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The NUL-terminated words of a command line. */
    private static List<byte[]> words(byte[] commandLine) {
        List<byte[]> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < commandLine.length; i++) {
            if (commandLine[i] == 0) {
                byte[] word = new byte[i - start];
                System.arraycopy(commandLine, start, word, 0, word.length);
                words.add(word);
                start = i + 1;
            }
        }
        return words;
    }
}
