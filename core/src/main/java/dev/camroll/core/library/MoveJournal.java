package dev.camroll.core.library;

import dev.camroll.core.files.RawNames;
import dev.camroll.core.scan.MovesInFlight;
import dev.camroll.core.scan.MovesInFlight.Entry;
import dev.camroll.core.scan.WriteTempFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The file moves of one album operation, written down in the data folder before each file moves
 * and dropped once the rows have followed (or the files went back). A crash in between leaves
 * files under their new names while their rows still name the old ones: the scan would drop those
 * rows and index the files as new assets, losing their ids and favorite flags. {@link #rollBack},
 * at open and before the scan, puts such files back, as if the operation had not happened.
 *
 * <p>One line per name tried (the format is {@link MovesInFlight}'s, which the scan reads too);
 * the last line of an id names where its file went, if it moved. The journal is named as a
 * temporary file of this process ({@link WriteTempFiles}), so that the journal of a move still
 * running in another process is left alone.
 */
final class MoveJournal {
    static final String FOLDER = MovesInFlight.FOLDER;

    private final Path root;
    private final Path dataDir;
    /** Null until the first entry: an operation that moves nothing writes nothing. */
    private Path file;

    private FileChannel channel;

    MoveJournal(Path root, Path dataDir) {
        this.root = root;
        this.dataDir = dataDir;
    }

    /** Writes down, on disk, that the file of {@code id} at {@code from} is about to be placed at {@code to}. */
    void record(String id, Path from, Path to) throws IOException {
        write(new MovesInFlight.Entry(id, relative(from), relative(to), keyOf(from)).line());
    }

    /**
     * Writes down, on disk and with one flush, that the folder {@code from} is about to be renamed
     * {@code to}: a line for each asset file in it (by id), whose new name the scan must not take
     * for a new asset, then the folder's own line, which the rollback follows.
     */
    void recordFolder(Path from, Path to, Map<String, Path> filesById) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, Path> asset : filesById.entrySet()) {
            Path file = asset.getValue();
            Path moved = RawNames.resolve(to, RawNames.relative(from, file));
            // A row whose file vanished on disk still gets its line: the scan must not drop it meanwhile.
            String key = Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? keyOf(file) : "";
            lines.append(new MovesInFlight.Entry(asset.getKey(), relative(file), relative(moved), key).line());
        }
        lines.append(Entry.folder(relative(from), relative(to), keyOf(from)).line());
        write(lines.toString());
    }

    private void write(String lines) throws IOException {
        if (channel == null) {
            Path folder = OwnFolders.require(dataDir, FOLDER);
            file = folder.resolve(WriteTempFiles.newName(".moves"));
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            FilePlacement.syncFolder(folder);
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }

    /** Drops the journal: the rows have followed the files, or the files are back. */
    void finish() {
        close();
        FilePlacement.deleteQuietly(file);
    }

    /** Keeps the journal (a file could not be put back): the next open, after this process, does it. */
    void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // The entries are on disk already.
            }
            channel = null;
        }
    }

    /**
     * Puts back the files of moves whose process ended before their rows followed, then drops
     * those journals. {@code rowPath} tells where the index says an asset's file is.
     */
    static void rollBack(Path root, Path dataDir, Function<String, Optional<Path>> rowPath) {
        Path folder;
        try {
            folder = OwnFolders.existing(dataDir, FOLDER).orElse(null);
        } catch (RuntimeException notOurs) {
            // A link or a file in place of the journals: nothing is moved on its word.
            return;
        }
        if (folder == null) {
            return;
        }
        Instant now = Instant.now();
        try (DirectoryStream<Path> journals = Files.newDirectoryStream(folder)) {
            for (Path journal : journals) {
                String name = RawNames.nameOf(journal);
                if (WriteTempFiles.isTempName(name)
                        && OwnFolders.isPlainFile(journal)
                        && WriteTempFiles.isAbandoned(journal, now)) {
                    List<Entry> entries = MovesInFlight.entries(journal);
                    entries.stream()
                            .filter(Entry::isFolder)
                            .forEach(folderEntry -> putFolderBack(root, folderEntry, entries, rowPath));
                    lastEntries(entries).forEach((id, entry) -> putBack(root, id, entry, rowPath));
                    FilePlacement.deleteQuietly(journal);
                }
            }
        } catch (IOException e) {
            throw new WriteException("cannot finish the moves interrupted in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The last entry of each id: the name its file went to, if it moved. */
    private static Map<String, Entry> lastEntries(List<Entry> entries) {
        Map<String, Entry> last = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (!entry.isFolder()) {
                last.put(entry.id(), entry);
            }
        }
        return last;
    }

    /**
     * Renames a folder back when its rename did not commit: the rows of its assets still name
     * their old places, the old name is free, and the folder under the new name is the one renamed
     * (by its key). A journal of a rename always names an asset (an album holds one), else
     * nothing tells whether the rows followed, and the folder stays (the scan then finds its
     * files by their content keys, ids kept).
     */
    private static void putFolderBack(
            Path root, Entry folder, List<Entry> entries, Function<String, Optional<Path>> rowPath) {
        Path from = RawNames.resolve(root, folder.from());
        Path to = RawNames.resolve(root, folder.to());
        boolean uncommitted = entries.stream()
                .filter(entry -> !entry.isFolder())
                .anyMatch(entry -> rowPath.apply(entry.id())
                        .map(RawNames.resolve(root, entry.from())::equals)
                        .orElse(false));
        if (!uncommitted
                || Files.exists(from, LinkOption.NOFOLLOW_LINKS)
                || !Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            if (keyOf(to).equals(folder.key())) {
                Files.move(to, from);
            }
        } catch (IOException e) {
            // Left under the new name: the scan finds its files there by their content keys.
        }
    }

    private static void putBack(Path root, String id, Entry entry, Function<String, Optional<Path>> rowPath) {
        Path from = RawNames.resolve(root, entry.from());
        Path to = RawNames.resolve(root, entry.to());
        // Only while the row still names the old place (the move did not commit), and only the
        // file that was moved: a name another file had already is not ours.
        if (!rowPath.apply(id).map(from::equals).orElse(false) || !Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            if (!keyOf(to).equals(entry.key())) {
                return;
            }
            if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                FilePlacement.placeNoReplace(to, from);
            } else if (Files.isSameFile(from, to)) {
                // Linked under the new name, the old one not removed yet: one name too many.
                Files.delete(to);
            }
            // Otherwise another file took the old name: this one stays, and the scan indexes it.
        } catch (IOException e) {
            // Left where it is: the scan indexes it as a new asset, as it would without a journal.
        }
    }

    private String relative(Path path) {
        return RawNames.relative(root, path);
    }

    /** What identifies the file itself (device and inode on Unix) whatever its name. */
    private static String keyOf(Path path) throws IOException {
        return String.valueOf(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey());
    }
}
