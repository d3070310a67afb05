package dev.camroll.core.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The hidden temporary files that writes put bytes in before placing them under their final
 * name: {@code .camroll-<pid>-<random>.<ext>}. A crash before the placement leaves one behind,
 * which the scan skips as hidden; the scan deletes it once it is abandoned. The owner's process
 * id is in the name because two processes may have the same library open: the temporary file of a
 * write still running in another live process must stay.
 */
public final class WriteTempFiles {
    public static final String PREFIX = ".camroll-";

    /**
     * How old a temporary file without an owner in its name (one written before names carried the
     * process id) must be to count as abandoned: no write takes that long.
     */
    static final Duration UNOWNED_AGE = Duration.ofHours(1);

    private WriteTempFiles() {}

    /** A new name for a temporary file of this process, keeping the extension (".jpg", or ""). */
    public static String newName(String extension) {
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        return PREFIX + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random) + extension;
    }

    public static boolean isTempName(String fileName) {
        return fileName.startsWith(PREFIX);
    }

    /**
     * Whether a temporary file is left over: its owner process is no longer alive or, when its
     * name names no owner, it is older than {@link #UNOWNED_AGE}. A process id reused by another
     * process keeps the file until that one ends too: late, never too early.
     */
    public static boolean isAbandoned(Path file, Instant now) throws IOException {
        OptionalLong owner = ownerOf(file.getFileName().toString());
        if (owner.isPresent()) {
            return ProcessHandle.of(owner.getAsLong())
                    .map(process -> !process.isAlive())
                    .orElse(true);
        }
        Instant modified =
                Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
        return modified.plus(UNOWNED_AGE).isBefore(now);
    }

    /** The process id a temporary file's name carries, if any. */
    static OptionalLong ownerOf(String fileName) {
        if (!isTempName(fileName)) {
            return OptionalLong.empty();
        }
        String rest = fileName.substring(PREFIX.length());
        int dash = rest.indexOf('-');
        if (dash <= 0 || dash > 18) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < dash; i++) {
            if (rest.charAt(i) < '0' || rest.charAt(i) > '9') {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(rest, 0, dash, 10));
    }

    /** Deletes the abandoned temporary files among {@code files}; how many went. */
    public static int deleteAbandoned(Iterable<Path> files) {
        Instant now = Instant.now();
        int deleted = 0;
        for (Path file : files) {
            try {
                if (isAbandoned(file, now) && Files.deleteIfExists(file)) {
                    deleted++;
                }
            } catch (IOException e) {
                // Gone meanwhile, or not removable now: the next scan tries again.
            }
        }
        return deleted;
    }
}
