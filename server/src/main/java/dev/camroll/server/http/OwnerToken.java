package dev.camroll.server.http;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The owner's token: 32 random bytes (base64url), of which only the SHA-256 hash is kept, in
 * {@code DATA/owner-token.sha256} (mode 600). A token is random and long, so a fast hash is
 * enough (a memory-hard hash is for passwords, which people choose). A running server reads the
 * file again when it changes, so {@code camroll token --reset} ends the old token at once.
 */
public final class OwnerToken {
    static final String FILE = "owner-token.sha256";
    private static final int TOKEN_BYTES = 32;

    private final Path file;
    private volatile Stored stored;

    /** The hash as read, with the time of the file it came from. */
    private record Stored(byte[] hash, FileTime modified) {}

    private OwnerToken(Path file, Stored stored) {
        this.file = file;
        this.stored = stored;
    }

    /** The token of this data folder, made now when there is none; the new token (to print once) if so. */
    public record Opened(OwnerToken stored, Optional<String> createdToken) {}

    /** The stored token of this data folder, made now if there is none. */
    public static Opened openOrCreate(Path dataDir) {
        Optional<OwnerToken> existing = load(dataDir);
        if (existing.isPresent()) {
            return new Opened(existing.get(), Optional.empty());
        }
        String token = reset(dataDir);
        return new Opened(load(dataDir).orElseThrow(), Optional.of(token));
    }

    /** The stored token of this data folder, if one was made. */
    public static Optional<OwnerToken> load(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Stored stored = read(file);
        return stored == null ? Optional.empty() : Optional.of(new OwnerToken(file, stored));
    }

    /** Makes a new token and stores its hash, replacing (and so ending) the old one; returns the token. */
    public static String reset(Path dataDir) {
        String token = SecretFiles.randomToken(TOKEN_BYTES);
        SecretFiles.write(dataDir.resolve(FILE), HexFormat.of().formatHex(sha256(token)));
        return token;
    }

    /** Whether the presented token is the owner's; the comparison takes the same time wherever they differ. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(current().hash(), sha256(presented));
    }

    /**
     * Who holds the token, for binding signed URLs and sessions to it: a new token makes every
     * URL signed for the old one invalid.
     */
    String identity() {
        return "owner:" + HexFormat.of().formatHex(current().hash(), 0, 8);
    }

    private Stored current() {
        Stored known = stored;
        try {
            FileTime modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
            if (!modified.equals(known.modified())) {
                Stored fresh = read(file);
                if (fresh != null) {
                    stored = fresh;
                    return fresh;
                }
            }
        } catch (IOException gone) {
            // The file went away: the token read last stays until a new one is made.
        }
        return known;
    }

    private static Stored read(Path file) {
        try {
            FileTime modified = Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    ? Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS)
                    : null;
            String text = SecretFiles.read(file);
            if (text == null) {
                return null;
            }
            byte[] hash = HexFormat.of().parseHex(text);
            if (hash.length != 32) {
                throw new IllegalArgumentException("not 32 bytes");
            }
            return new Stored(hash, modified);
        } catch (IOException | IllegalArgumentException e) {
            throw new CamrollException(
                    ErrorCode.BAD_DATA_FOLDER, file + " is damaged: make a new token with camroll token --reset");
        }
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
