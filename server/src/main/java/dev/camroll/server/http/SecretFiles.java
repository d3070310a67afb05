package dev.camroll.server.http;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Small secret files of the data folder: written whole (a temporary file moved in place) and readable by the owner only. */
public final class SecretFiles {
    static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {}

    /** {@code bytes} random bytes in base64url without padding. */
    public static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The file's text, or null when there is none. A symbolic link is refused, as everywhere in the data folder. */
    public static String read(Path file) {
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new CamrollException(
                        ErrorCode.BAD_DATA_FOLDER, file + " is not a regular file: remove it to make a new one");
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new CamrollException(ErrorCode.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the text with mode 600 and moves it over the old file in one step. */
    public static void write(Path file, String text) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(temporary);
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, text + "\n");
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CamrollException(ErrorCode.IO_ERROR, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
