package dev.camroll.core.library;

import dev.camroll.core.files.RawNames;
import java.nio.file.Path;

/**
 * file: URIs built from strings. {@link Path#toUri()} asks the file system whether the path is a
 * folder (to add a slash), and listing a page must not touch the disk.
 */
final class FileUris {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FileUris() {}

    /** The URI of an absolute path whose folder part is already known to be a folder. */
    static String of(String absolutePath) {
        StringBuilder out = new StringBuilder(absolutePath.length() + 16).append("file://");
        for (byte b : RawNames.encode(absolutePath)) {
            int c = b & 0xff;
            if (isAllowed(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return out.toString();
    }

    private static boolean isAllowed(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
    }
}
