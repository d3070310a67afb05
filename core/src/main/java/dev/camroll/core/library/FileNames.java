package dev.camroll.core.library;

import dev.camroll.api.InvalidArgumentException;
import dev.camroll.core.files.RawNames;
import dev.camroll.core.metadata.MediaFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Checks of the names new files get, and the " (1)", " (2)", ... of a name collision. */
final class FileNames {
    static final int MAX_BYTES = 255;

    /** Formats one container holds under several names: the content cannot tell them apart. */
    private static final List<Set<MediaFormat>> SAME_CONTAINER = List.of(
            EnumSet.of(
                    MediaFormat.TIFF,
                    MediaFormat.DNG,
                    MediaFormat.CR2,
                    MediaFormat.NEF,
                    MediaFormat.ARW,
                    MediaFormat.ORF,
                    MediaFormat.RW2),
            EnumSet.of(MediaFormat.MP4, MediaFormat.MOV, MediaFormat.M4V, MediaFormat.THREE_GP, MediaFormat.M4A),
            EnumSet.of(MediaFormat.MKV, MediaFormat.WEBM),
            EnumSet.of(MediaFormat.OGG, MediaFormat.OPUS));

    private FileNames() {}

    /** The format the name claims; refuses names that are not a plain media file name. */
    static MediaFormat checkMediaName(String name) {
        if (name == null || name.isEmpty()) {
            throw InvalidArgumentException.of("fileName", "the file name is empty");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            throw InvalidArgumentException.of("fileName", name + ": a file name must not contain path separators");
        }
        if (name.startsWith(".")) {
            throw InvalidArgumentException.of("fileName", name + ": a file name must not start with a dot");
        }
        if (RawNames.encode(name).length > MAX_BYTES) {
            throw InvalidArgumentException.of(
                    "fileName", name + ": a file name must be at most " + MAX_BYTES + " bytes");
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            throw InvalidArgumentException.notMedia(name, name + ": has no extension");
        }
        MediaFormat claimed = MediaFormat.fromFileName(name);
        if (claimed == null) {
            throw InvalidArgumentException.notMedia(
                    name, name + ": " + name.substring(dot) + " is not the extension of a media format Camroll knows");
        }
        return claimed;
    }

    /** Refuses a name that is not a plain folder name: the same rules as file names, no extension needed. */
    static String checkFolderName(String name) {
        return checkFolderName(name, "name");
    }

    /** {@link #checkFolderName(String)}, the error naming {@code parameter}. */
    static String checkFolderName(String name, String parameter) {
        if (name == null || name.isBlank()) {
            throw InvalidArgumentException.of(parameter, "the album name is empty or only spaces");
        }
        // A tab, newline or escape sequence in a folder name garbles every listing that shows it.
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw InvalidArgumentException.of(
                    parameter, printable(name) + ": an album name must not contain control characters");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            throw InvalidArgumentException.of(parameter, name + ": an album name must not contain path separators");
        }
        if (name.startsWith(".")) {
            throw InvalidArgumentException.of(parameter, name + ": an album name must not start with a dot");
        }
        if (RawNames.encode(name).length > MAX_BYTES) {
            throw InvalidArgumentException.of(
                    parameter, name + ": an album name must be at most " + MAX_BYTES + " bytes");
        }
        return name;
    }

    /** The name with its control characters shown as \\uXXXX, for an error message of one line. */
    private static String printable(String name) {
        StringBuilder text = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                text.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        return text.toString();
    }

    /** Whether content sniffed as {@code actual} may carry a name that says {@code claimed}. */
    static boolean contentFits(MediaFormat actual, MediaFormat claimed) {
        if (actual == claimed) {
            return true;
        }
        for (Set<MediaFormat> family : SAME_CONTAINER) {
            if (family.contains(actual) && family.contains(claimed)) {
                return true;
            }
        }
        return false;
    }

    /** The n-th candidate for a name: the name itself, then "stem (n).ext". */
    static String candidate(String name, int n) {
        if (n == 0) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String candidate =
                dot <= 0 ? name + " (" + n + ")" : name.substring(0, dot) + " (" + n + ")" + name.substring(dot);
        if (RawNames.encode(candidate).length > MAX_BYTES) {
            throw InvalidArgumentException.conflict(
                    "fileName",
                    name + ": the name is taken, and with \" (" + n + ")\" it is longer than " + MAX_BYTES + " bytes");
        }
        return candidate;
    }

    /** The extension with its dot, lower case; "" when the name has none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot).toLowerCase(java.util.Locale.ROOT);
    }
}
