package dev.camroll.core.files;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * File names as the index stores them: a lossless string for any name's bytes.
 *
 * <p>Java turns a name that is not valid UTF-8 into a string with U+FFFD, and a path rebuilt from
 * that string names another, missing file. Here valid UTF-8 decodes as usual and each byte that
 * is not part of it becomes the private-use char U+F700 + byte (U+F780..U+F7FF). A valid name
 * that really holds a char in that range has the three bytes of that char escaped the same way,
 * so every name's bytes map to one string and back. The strings are valid Unicode, so SQLite
 * stores them as they are. Paths are rebuilt from bytes through a percent-encoded {@code file:}
 * URI, the one public route to a path with any bytes.
 */
public final class RawNames {
    private static final char ESCAPE_FIRST = '\uF780';
    private static final char ESCAPE_LAST = '\uF7FF';
    private static final int ESCAPE_BASE = 0xF700;
    private static final char REPLACEMENT = '\uFFFD';

    private RawNames() {}

    /** The stored form of a path's last name (the whole path's string when it has no name). */
    public static String nameOf(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return path.toString();
        }
        String plain = name.toString();
        return isPlain(plain) && plain.indexOf(REPLACEMENT) < 0 ? plain : decode(rawBytes(name));
    }

    /**
     * The stored form of {@code path} relative to {@code root}, names joined by '/' whatever the
     * platform's separator.
     */
    public static String relative(Path root, Path path) {
        StringBuilder relative = new StringBuilder();
        for (Path name : root.relativize(path)) {
            if (!relative.isEmpty()) {
                relative.append('/');
            }
            relative.append(nameOf(name));
        }
        return relative.toString();
    }

    /** The path a stored relative path (names joined by '/'; "" for the folder) names under a folder. */
    public static Path resolve(Path folder, String relative) {
        if (isPlain(relative)) {
            return relative.isEmpty() ? folder : folder.resolve(relative);
        }
        Path path = folder;
        for (String name : relative.split("/", -1)) {
            if (!name.isEmpty()) {
                path = path.resolve(
                        isPlain(name)
                                ? Path.of(name)
                                : pathOfBytes(encode(name)).getFileName());
            }
        }
        return path;
    }

    /** The path a whole path given as a stored form (for example decoded from a command line) names. */
    public static Path path(String given) {
        if (isPlain(given)) {
            return Path.of(given);
        }
        Path start = given.startsWith("/") ? Path.of("/") : Path.of("");
        return resolve(start, given.startsWith("/") ? given.substring(1) : given);
    }

    /** A stored name for people to read: bytes that are not UTF-8 shown as \xFF. */
    public static String display(String stored) {
        if (isPlain(stored)) {
            return stored;
        }
        StringBuilder shown = new StringBuilder(stored.length() + 8);
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (isEscape(c)) {
                shown.append(String.format("\\x%02X", c - ESCAPE_BASE));
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    /** The stored form of a name's bytes. */
    public static String decode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int length = validSequenceAt(bytes, i);
            if (length == 0) {
                out.append((char) (ESCAPE_BASE + (bytes[i] & 0xFF)));
                i++;
                continue;
            }
            String decoded = new String(bytes, i, length, StandardCharsets.UTF_8);
            if (length == 3 && isEscape(decoded.charAt(0))) {
                for (int k = i; k < i + 3; k++) {
                    out.append((char) (ESCAPE_BASE + (bytes[k] & 0xFF)));
                }
            } else {
                out.append(decoded);
            }
            i += length;
        }
        return out.toString();
    }

    /** The bytes of a name's stored form. */
    public static byte[] encode(String stored) {
        if (isPlain(stored)) {
            return stored.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length() + 8);
        int start = 0;
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (isEscape(c)) {
                out.writeBytes(stored.substring(start, i).getBytes(StandardCharsets.UTF_8));
                out.write(c - ESCAPE_BASE);
                start = i + 1;
            }
        }
        out.writeBytes(stored.substring(start).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Whether a string holds no escape char, so that Java's own conversion keeps it as it is. */
    private static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isEscape(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEscape(char c) {
        return c >= ESCAPE_FIRST && c <= ESCAPE_LAST;
    }

    /** The raw bytes of a path of one name, read back from its percent-encoded URI. */
    private static byte[] rawBytes(Path name) {
        String raw = name.toAbsolutePath().toUri().getRawPath();
        int end = raw.endsWith("/") ? raw.length() - 1 : raw.length();
        String last = raw.substring(raw.lastIndexOf('/', end - 1) + 1, end);
        ByteArrayOutputStream out = new ByteArrayOutputStream(last.length());
        for (int i = 0; i < last.length(); i++) {
            char c = last.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(last, i + 1, i + 3, 16));
                i += 2;
            } else {
                // A URI's raw path holds only ASCII besides its escapes.
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** An absolute path of one name with exactly these bytes. */
    private static Path pathOfBytes(byte[] name) {
        StringBuilder uri = new StringBuilder("file:///");
        for (byte b : name) {
            int v = b & 0xFF;
            if ((v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z') || (v >= '0' && v <= '9') || "-._~".indexOf(v) >= 0) {
                uri.append((char) v);
            } else {
                uri.append('%').append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 0xF, 16));
            }
        }
        return Path.of(URI.create(uri.toString()));
    }

    /** The length of the well-formed UTF-8 sequence at {@code i}; 0 when the byte there starts none. */
    private static int validSequenceAt(byte[] b, int i) {
        int first = b[i] & 0xFF;
        if (first < 0x80) {
            return 1;
        }
        int length;
        int low = 0x80;
        int high = 0xBF;
        if (first >= 0xC2 && first <= 0xDF) {
            length = 2;
        } else if (first >= 0xE0 && first <= 0xEF) {
            length = 3;
            low = first == 0xE0 ? 0xA0 : 0x80;
            high = first == 0xED ? 0x9F : 0xBF;
        } else if (first >= 0xF0 && first <= 0xF4) {
            length = 4;
            low = first == 0xF0 ? 0x90 : 0x80;
            high = first == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        if (i + length > b.length) {
            return 0;
        }
        int second = b[i + 1] & 0xFF;
        if (second < low || second > high) {
            return 0;
        }
        for (int k = i + 2; k < i + length; k++) {
            int next = b[k] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return 0;
            }
        }
        return length;
    }
}
