package dev.camroll.core.scan;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The album moves written down in {@code DATA/moves}: one journal per operation, named as a
 * temporary file of its process ({@link WriteTempFiles}), one line per name tried, {@code <id>
 * <old path> <new path> <file key>} (paths relative to the root, each field URL-encoded). The
 * library writes and rolls back the journals; the scan reads them, because a file a move has
 * placed under its new name is not a new asset while the move is still undecided: either its row
 * follows (the move commits) or the file goes back (the move fails, or its process died and the
 * next rollback undoes it). Indexed as new, it was an asset that other processes listed and that
 * then vanished with the rollback (`MultiProcessStressTest` found one).
 */
public final class MovesInFlight {
    public static final String FOLDER = "moves";

    /**
     * One line of a journal. A folder renamed as a whole (an album renamed) has a line of its own,
     * with {@link #FOLDER_ID} for the id (no asset id has a slash), besides a line per asset in it.
     */
    public record Entry(String id, String from, String to, String key) {
        public static final String FOLDER_ID = "/";

        /** The line of a folder renamed from {@code from} to {@code to} (paths relative to the root). */
        public static Entry folder(String from, String to, String key) {
            return new Entry(FOLDER_ID, from, to, key);
        }

        public boolean isFolder() {
            return FOLDER_ID.equals(id);
        }

        public String line() {
            return String.join(" ", encode(id), encode(from), encode(to), encode(key)) + "\n";
        }

        static Entry parse(String line) {
            String[] fields = line.split(" ", -1);
            return fields.length == 4
                    ? new Entry(decode(fields[0]), decode(fields[1]), decode(fields[2]), decode(fields[3]))
                    : null;
        }
    }

    private final Set<String> ids;
    private final Set<String> targets;

    private MovesInFlight(Set<String> ids, Set<String> targets) {
        this.ids = ids;
        this.targets = targets;
    }

    /**
     * The moves written down now, of live processes and of dead ones not rolled back yet. A
     * journal is written before its file is placed and dropped after the rows followed, so read
     * after a folder was listed, it names every file of an undecided move that the listing saw.
     */
    public static MovesInFlight read(Path dataDir) {
        Set<String> ids = new HashSet<>();
        Set<String> targets = new HashSet<>();
        for (Path journal : journals(dataDir)) {
            try {
                for (Entry entry : entries(journal)) {
                    ids.add(entry.id());
                    targets.add(entry.to());
                }
            } catch (IOException e) {
                // Dropped meanwhile: its move is decided.
            }
        }
        return new MovesInFlight(ids, targets);
    }

    /** Whether a journal of a process that has ended is there, to be rolled back. */
    public static boolean anyAbandoned(Path dataDir) {
        Instant now = Instant.now();
        for (Path journal : journals(dataDir)) {
            try {
                if (WriteTempFiles.isAbandoned(journal, now)) {
                    return true;
                }
            } catch (IOException e) {
                // Dropped meanwhile.
            }
        }
        return false;
    }

    /** The journals in the folder: plain files with a temporary name; a link planted there is none. */
    public static List<Path> journals(Path dataDir) {
        Path folder = dataDir.resolve(FOLDER);
        List<Path> journals = new ArrayList<>();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return journals;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                if (WriteTempFiles.isTempName(file.getFileName().toString())
                        && Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                                .isRegularFile()) {
                    journals.add(file);
                }
            }
        } catch (IOException e) {
            // Unreadable: no move is taken to be in flight, as before journals existed.
        }
        return journals;
    }

    /** The entries of one journal, in the order written; a line torn by a crash is left out. */
    public static List<Entry> entries(Path journal) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            Entry entry = Entry.parse(line);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** Whether an undecided move names this asset. */
    public boolean moves(String publicId) {
        return ids.contains(publicId);
    }

    /** Whether an undecided move may have placed a file at this path (relative to the root). */
    public boolean placesAt(String relativePath) {
        return targets.contains(relativePath);
    }

    public boolean isEmpty() {
        return ids.isEmpty();
    }

    private static String encode(String field) {
        return URLEncoder.encode(field, StandardCharsets.UTF_8);
    }

    private static String decode(String field) {
        return URLDecoder.decode(field, StandardCharsets.UTF_8);
    }
}
