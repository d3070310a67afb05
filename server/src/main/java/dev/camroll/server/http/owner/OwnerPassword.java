package dev.camroll.server.http.owner;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.server.http.SecretFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * The owner's password of the web pages, kept as its Argon2id hash in {@code DATA/owner-password}
 * (mode 600, written whole or not at all). The file is read again when it changes, so a password
 * set with {@code camroll owner password} while the server runs takes effect at once, and the
 * sessions signed in before it end ({@link #stamp()}).
 */
public final class OwnerPassword {
    static final String FILE = "owner-password";

    private final Path file;
    private volatile Stored stored;

    /** The hash as read, with the time of the file it came from; a null hash: no password yet. */
    private record Stored(PasswordHash hash, FileTime modified) {}

    private OwnerPassword(Path file) {
        this.file = file;
        this.stored = read(file);
    }

    /** The password of this data folder, set or not. A damaged file is a CamrollException naming it. */
    public static OwnerPassword of(Path dataDir) {
        return new OwnerPassword(dataDir.resolve(FILE));
    }

    public boolean isSet() {
        return current().hash() != null;
    }

    /** Sets the password (checked by {@link PasswordRules}), replacing the old one. */
    public void set(String password) {
        PasswordHash hash = PasswordHash.of(PasswordRules.check(password));
        SecretFiles.write(file, hash.encoded());
        stored = read(file);
    }

    /** Whether this is the password; false when none is set. */
    public boolean matches(String password) {
        PasswordHash hash = current().hash();
        return hash != null && hash.matches(password);
    }

    /**
     * What changes whenever the password does (the hash's salt is new each time), without telling
     * anything about the password: sessions are bound to it.
     */
    public String stamp() {
        return Optional.ofNullable(current().hash())
                .map(hash -> java.util.HexFormat.of().formatHex(hash.salt()))
                .orElse("none");
    }

    private Stored current() {
        Stored known = stored;
        FileTime modified = modified(file);
        if (modified == null ? known.modified() != null : !modified.equals(known.modified())) {
            Stored fresh = read(file);
            stored = fresh;
            return fresh;
        }
        return known;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException e) {
            throw new CamrollException(ErrorCode.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Stored read(Path file) {
        FileTime modified = modified(file);
        String text = SecretFiles.read(file);
        if (text == null) {
            return new Stored(null, null);
        }
        try {
            return new Stored(PasswordHash.parse(text), modified);
        } catch (IllegalArgumentException e) {
            throw new CamrollException(
                    ErrorCode.BAD_DATA_FOLDER,
                    file + " is damaged (" + e.getMessage() + "): set the password again with camroll owner password");
        }
    }
}
