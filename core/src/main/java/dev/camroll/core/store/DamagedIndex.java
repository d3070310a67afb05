package dev.camroll.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * Tells a damaged index file from a sound one without reading it all, and moves a damaged one
 * aside. A damaged index is never deleted: it may be the only record of ids and favorites that a
 * person or a tool can still recover; the library is rebuilt from the folder tree beside it.
 */
final class DamagedIndex {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** SQLite's result codes for a file that is not a database, and for a malformed one. */
    private static final List<Integer> DAMAGE_CODES = List.of(26, 11);

    private DamagedIndex() {}

    /**
     * Why the file cannot be a sound index, or null when it may be: the header's magic string is
     * missing, or the file is shorter than the page count its header declares (truncated). An
     * empty file is a new index, as SQLite takes it.
     */
    static String flaw(Path file) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] header = in.readNBytes(100);
            if (header.length == 0) {
                return null;
            }
            if (header.length < 100 || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                return "it is not an SQLite database";
            }
            long pageSize = ((header[16] & 0xff) << 8) | (header[17] & 0xff);
            if (pageSize == 1) {
                pageSize = 65_536;
            }
            long pages = readInt(header, 28);
            boolean countValid = pages > 0 && readInt(header, 24) == readInt(header, 92);
            // With a WAL beside it, newer pages may be there and not in the file yet.
            if (countValid && !hasWal(file) && Files.size(file) < pageSize * pages) {
                return "it is truncated (" + Files.size(file) + " of " + pageSize * pages + " bytes)";
            }
            return null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            // Unreadable is not damaged: opening it reports the real cause.
            return null;
        }
    }

    /** Whether an SQLite failure says the file is not a database or is malformed. */
    static boolean isDamage(java.sql.SQLException e) {
        return DAMAGE_CODES.contains(e.getErrorCode() & 0xff)
                || String.valueOf(e.getMessage()).contains("not a database")
                || String.valueOf(e.getMessage()).contains("malformed");
    }

    /**
     * Moves the index (and its WAL and shared-memory files) to {@code index.db.damaged-<time>};
     * returns where the index went.
     */
    static Path moveAside(Path file) throws IOException {
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
        for (int n = 1; Files.exists(aside, LinkOption.NOFOLLOW_LINKS); n++) {
            aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp + "-" + n);
        }
        for (String suffix : List.of("-wal", "-shm")) {
            Path companion = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(companion, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(
                        companion, aside.resolveSibling(aside.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        return aside;
    }

    private static boolean hasWal(Path file) throws IOException {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        return Files.exists(wal, LinkOption.NOFOLLOW_LINKS) && Files.size(wal) > 0;
    }

    private static long readInt(byte[] bytes, int at) {
        return ((bytes[at] & 0xffL) << 24)
                | ((bytes[at + 1] & 0xffL) << 16)
                | ((bytes[at + 2] & 0xffL) << 8)
                | (bytes[at + 3] & 0xffL);
    }
}
