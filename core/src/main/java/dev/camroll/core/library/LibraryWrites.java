package dev.camroll.core.library;

import dev.camroll.api.AssetSource;
import dev.camroll.api.CamrollException;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.NotFoundException;
import dev.camroll.core.metadata.MediaFacts;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.metadata.ProbeOutcome;
import dev.camroll.core.scan.AssetRecords;
import dev.camroll.core.scan.TrashFolder;
import dev.camroll.core.scan.WriteTempFiles;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.AssetRow;
import dev.camroll.core.store.AssetStore;
import dev.camroll.core.store.TrashRow;
import dev.camroll.core.store.WriteStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The write side of the library: new files, the trash, restoring and purging. Files are moved
 * first and the index follows in one transaction (or, for restores, the other way round), in an
 * order that {@link #reconcileTrash} can finish or undo after a crash; see ARCHITECTURE.md.
 */
final class LibraryWrites {
    static final String DEFAULT_ALBUM = "Pictures";

    private final Path root;
    private final Path trashDir;
    private final WriteStore store;
    private final AssetStore assets;
    private final MediaProbe probe;
    /** Trash operations (delete, restore, purge) one at a time; creates run in parallel. */
    private final Object trashLock = new Object();

    private final ClaimedNames names = new ClaimedNames();

    LibraryWrites(Path root, Path dataDir, WriteStore store, AssetStore assets, MediaProbe probe) {
        this.root = root;
        this.trashDir = TrashFolder.of(dataDir);
        this.store = store;
        this.assets = assets;
        this.probe = probe;
    }

    /** Stores and indexes a new file; returns its row. */
    AssetRow create(AssetSource source, String albumId) {
        if (source == null) {
            throw new InvalidArgumentException("source: missing");
        }
        String name = source.fileName();
        MediaFormat claimed = FileNames.checkMediaName(name);
        String relPath = targetFolder(albumId);
        checkContent(source, name, claimed);

        Path folder = relPath.isEmpty() ? root : root.resolve(relPath);
        Path temp = null;
        Path placed = null;
        try {
            Files.createDirectories(folder);
            temp = FilePlacement.tempIn(folder, FileNames.extension(name));
            writeFlushed(source, temp);
            MediaFacts facts = facts(temp, name, claimed);
            AlbumRow album = store.folder(relPath, titleOf(relPath));
            placed = placeUnderFreeName(temp, folder, album, name, 0);
            temp = null;
            for (int attempt = 1; ; attempt++) {
                BasicFileAttributes attributes = Files.readAttributes(placed, BasicFileAttributes.class);
                Optional<AssetRow> row = store.insert(AssetRecords.of(
                        facts,
                        album.rowId(),
                        placed.getFileName().toString(),
                        attributes.size(),
                        attributes.lastModifiedTime().toMillis()));
                if (row.isPresent()) {
                    names.release(placed);
                    placed = null;
                    return row.get();
                }
                // Another process gave the name to an asset of its own meanwhile: the next name.
                Path next = placeUnderFreeName(placed, folder, album, name, attempt);
                names.release(placed);
                placed = next;
            }
        } catch (IOException e) {
            throw new WriteException("cannot write " + name + " to " + folder + ": " + e.getMessage(), e);
        } finally {
            // Anything not handed over to the index is removed: nothing half-written stays.
            deleteQuietly(temp);
            deleteQuietly(placed);
            names.release(placed);
        }
    }

    /**
     * Places a file under {@code name}, or with " (n)" from {@code firstNumber} on, skipping names
     * another write claims and names still held by a row whose file vanished on disk (that row
     * stays an asset of its own until a scan finds its file gone). The name stays claimed.
     */
    private Path placeUnderFreeName(Path file, Path folder, AlbumRow album, String name, int firstNumber)
            throws IOException {
        for (int n = firstNumber; ; n++) {
            String candidate = FileNames.candidate(name, n);
            Path target = folder.resolve(candidate);
            if (!names.claim(target)) {
                continue;
            }
            if (!store.nameTaken(album.rowId(), candidate) && FilePlacement.placeNoReplace(file, target)) {
                return target;
            }
            names.release(target);
        }
    }

    /** Moves assets' files to the trash, then their rows, in one transaction; all or nothing. */
    void delete(List<String> ids) {
        List<String> unique = distinct(ids);
        if (unique.isEmpty()) {
            return;
        }
        synchronized (trashLock) {
            List<String> missing = store.missingAssets(unique);
            if (!missing.isEmpty()) {
                throw new NotFoundException("asset", missing);
            }
            Map<String, String> trashNames = new LinkedHashMap<>();
            Map<Path, Path> moved = new LinkedHashMap<>();
            try {
                Files.createDirectories(trashDir);
                for (String id : unique) {
                    Path file = pathOf(id).orElseThrow(() -> new NotFoundException("asset", List.of(id)));
                    String trashName =
                            id + FileNames.extension(file.getFileName().toString());
                    Path inTrash = trashDir.resolve(trashName);
                    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                        moveReplacing(file, inTrash);
                        moved.put(inTrash, file);
                    }
                    trashNames.put(id, trashName);
                }
                FilePlacement.syncFolder(trashDir);
                store.trash(trashNames, System.currentTimeMillis());
                moved.clear();
            } catch (IOException e) {
                throw new WriteException("cannot move files to the trash " + trashDir + ": " + e.getMessage(), e);
            } finally {
                putBack(moved);
            }
        }
    }

    /** Puts trashed assets back where they were, with their ids; all or nothing. */
    void restore(List<String> ids) {
        List<String> unique = distinct(ids);
        if (unique.isEmpty()) {
            return;
        }
        synchronized (trashLock) {
            List<String> missing = store.missingFromTrash(unique);
            if (!missing.isEmpty()) {
                throw new NotFoundException("trashed asset", missing);
            }
            Map<String, TrashRow> rows = store.trashed(unique);
            List<String> lost = new ArrayList<>();
            for (TrashRow row : rows.values()) {
                if (!Files.isRegularFile(trashDir.resolve(row.trashName()), LinkOption.NOFOLLOW_LINKS)) {
                    lost.add(row.publicId());
                }
            }
            if (!lost.isEmpty()) {
                throw new WriteException("the trash no longer holds the files of " + String.join(", ", lost));
            }
            // Names first (free on disk, and not given twice in this call), then the index, then
            // the files: a crash after the commit is finished at the next open (reconcileTrash).
            Map<String, WriteStore.Place> places = new LinkedHashMap<>();
            List<Path> planned = new ArrayList<>();
            try {
                for (TrashRow row : rows.values()) {
                    Path folder = row.relPath().isEmpty() ? root : root.resolve(row.relPath());
                    Files.createDirectories(folder);
                    AlbumRow album = store.folder(row.relPath(), titleOf(row.relPath()));
                    Path target = claimFreeName(folder, album, row.filename());
                    planned.add(target);
                    places.put(
                            row.publicId(),
                            new WriteStore.Place(
                                    album.rowId(), target.getFileName().toString()));
                }
                store.restore(places);
                for (TrashRow row : rows.values()) {
                    putInPlace(row.publicId(), trashDir.resolve(row.trashName()));
                }
            } catch (IOException e) {
                throw new WriteException("cannot restore from the trash: " + e.getMessage(), e);
            } finally {
                planned.forEach(names::release);
            }
        }
    }

    /** Deletes for good the trashed assets trashed before {@code before} (epoch ms); how many. */
    int purge(long before) {
        synchronized (trashLock) {
            List<TrashRow> rows = store.trashedBefore(before);
            // Rows first: a crash before the files are gone leaves files without rows, which the
            // next open deletes.
            store.forgetTrash(rows.stream().map(TrashRow::publicId).toList());
            for (TrashRow row : rows) {
                deleteQuietly(trashDir.resolve(row.trashName()));
            }
            return rows.size();
        }
    }

    /**
     * Brings the trash folder and the trash table into agreement after a crash: a trash file of
     * an asset that still has its row (a delete that did not commit, or a restore that committed
     * but did not move its file yet) goes back to the asset's place; a file with no row at all (a
     * purge that committed) is deleted; a trash row without its file is forgotten. Reads only,
     * unless something is to be fixed.
     */
    void reconcileTrash() {
        if (!Files.isDirectory(trashDir)) {
            return;
        }
        synchronized (trashLock) {
            Map<String, Path> files = new LinkedHashMap<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(trashDir)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (name.startsWith(".")) {
                        // The temporary file of a move from another file system stays while the
                        // process writing it is alive (another process may have the library open).
                        if (WriteTempFiles.isTempName(name)) {
                            WriteTempFiles.deleteAbandoned(List.of(entry));
                        } else {
                            deleteQuietly(entry);
                        }
                        continue;
                    }
                    int dot = name.indexOf('.');
                    files.put(dot < 0 ? name : name.substring(0, dot), entry);
                }
            } catch (IOException e) {
                throw new WriteException("cannot read the trash " + trashDir + ": " + e.getMessage(), e);
            }
            List<String> ids = List.copyOf(files.keySet());
            Set<String> inTrash = new HashSet<>(store.trashed(ids).keySet());
            Set<String> notAssets = new HashSet<>(store.missingAssets(ids));
            for (Map.Entry<String, Path> file : files.entrySet()) {
                String id = file.getKey();
                if (!notAssets.contains(id)) {
                    Path place = pathOf(id).orElse(null);
                    if (place != null && !Files.exists(place, LinkOption.NOFOLLOW_LINKS)) {
                        putInPlace(id, file.getValue());
                    } else {
                        deleteQuietly(file.getValue());
                    }
                    if (inTrash.contains(id)) {
                        store.forgetTrash(List.of(id));
                    }
                } else if (!inTrash.contains(id)) {
                    deleteQuietly(file.getValue());
                }
            }
            List<String> withoutFile = new ArrayList<>();
            for (TrashRow row : store.trashedBefore(Long.MAX_VALUE)) {
                if (!files.containsKey(row.publicId())) {
                    withoutFile.add(row.publicId());
                }
            }
            store.forgetTrash(withoutFile);
        }
    }

    /** Purges what is older than the retention, at open. */
    void purgeExpired(Duration retention) {
        long before = System.currentTimeMillis() - retention.toMillis();
        if (!store.trashedBefore(before).isEmpty()) {
            purge(before);
        }
    }

    /** The lock of the operations that move files between places (trash, albums): one at a time. */
    Object exclusive() {
        return trashLock;
    }

    List<String> trashedIds() {
        return store.trashedBefore(Long.MAX_VALUE).stream()
                .map(TrashRow::publicId)
                .toList();
    }

    /** The folder (relative path) an album id names; the default album when null. */
    private String targetFolder(String albumId) {
        return albumId == null ? DEFAULT_ALBUM : albumFolder(albumId).relPath();
    }

    /** The folder row of an album id whose folder exists; smart and unknown albums are refused. */
    AlbumRow albumFolder(String albumId) {
        if (albumId != null && SmartAlbum.byId(albumId) != null) {
            throw new InvalidArgumentException("album: " + albumId + " is a smart album, which holds no files");
        }
        AlbumRow album = assets.albumByPublicId(albumId)
                .orElseThrow(() -> new NotFoundException("album", List.of(String.valueOf(albumId))));
        if (!Files.isDirectory(folderOf(album.relPath()), LinkOption.NOFOLLOW_LINKS)) {
            throw new NotFoundException("album", List.of(albumId));
        }
        return album;
    }

    /** The folder of a relative path; the root for "". */
    Path folderOf(String relPath) {
        return relPath.isEmpty() ? root : root.resolve(relPath);
    }

    /** Refuses content that is not media, or not the media its name says, before anything is written. */
    private static void checkContent(AssetSource source, String name, MediaFormat claimed) {
        byte[] header = new byte[MediaProbe.SNIFF_BYTES];
        int length;
        switch (source) {
            case AssetSource.FromBytes(String ignored, byte[] bytes) -> {
                length = Math.min(bytes.length, header.length);
                System.arraycopy(bytes, 0, header, 0, length);
            }
            case AssetSource.FromFile(Path path) -> {
                if (!Files.isRegularFile(path)) {
                    throw new InvalidArgumentException(path + ": no such file");
                }
                try (InputStream in = Files.newInputStream(path)) {
                    length = in.readNBytes(header, 0, header.length);
                } catch (IOException e) {
                    throw new InvalidArgumentException(path + ": cannot be read: " + e.getMessage());
                }
            }
        }
        String says = "the name says " + FileNames.extension(name);
        if (length == 0) {
            throw new InvalidArgumentException(name + ": is empty, but " + says);
        }
        MediaFormat actual = MediaProbe.sniff(header, length);
        if (actual == null) {
            throw new InvalidArgumentException(name + ": content is not a media format Camroll knows, but " + says);
        }
        if (!FileNames.contentFits(actual, claimed)) {
            throw new InvalidArgumentException(name + ": content is " + actual.name() + " but " + says);
        }
    }

    private static void writeFlushed(AssetSource source, Path temp) throws IOException {
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            switch (source) {
                case AssetSource.FromBytes(String ignored, byte[] bytes) -> {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                }
                case AssetSource.FromFile(Path path) -> {
                    try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
                        long size = in.size();
                        long done = 0;
                        while (done < size) {
                            long n = in.transferTo(done, size - done, out);
                            if (n <= 0) {
                                break;
                            }
                            done += n;
                        }
                    }
                }
            }
            out.force(true);
        }
    }

    /** Reads the written file as the scan would; it must still be the media its name says. */
    private MediaFacts facts(Path written, String name, MediaFormat claimed) {
        return switch (probe.probe(written)) {
            case ProbeOutcome.Media(MediaFacts facts) -> {
                if (!FileNames.contentFits(facts.format(), claimed)) {
                    throw new InvalidArgumentException(name + ": content is "
                            + facts.format().name() + " but the name says " + FileNames.extension(name));
                }
                yield facts;
            }
            case ProbeOutcome.NotMedia(String warning) ->
                throw new InvalidArgumentException(name + ": " + (warning == null ? "is not media" : warning));
        };
    }

    /** Where an asset's file is, by the index. */
    Optional<Path> pathOf(String id) {
        return store.placeOf(id).map(place -> {
            AlbumRow album = assets.albumByRowId(place.albumRowId()).orElseThrow();
            Path folder = album.relPath().isEmpty() ? root : root.resolve(album.relPath());
            return folder.resolve(place.filename());
        });
    }

    /** Moves a trash file to its asset's place, renaming the row if the name was taken meanwhile. */
    private void putInPlace(String id, Path inTrash) {
        WriteStore.Place place = store.placeOf(id).orElseThrow();
        AlbumRow album = assets.albumByRowId(place.albumRowId()).orElseThrow();
        Path folder = album.relPath().isEmpty() ? root : root.resolve(album.relPath());
        try {
            Files.createDirectories(folder);
            // The row's own name is claimed by the restore that planned it, or by nobody.
            if (FilePlacement.placeNoReplace(inTrash, folder.resolve(place.filename()))) {
                return;
            }
            Path placed = placeClaimed(inTrash, folder, place.filename());
            store.rename(id, placed.getFileName().toString());
            names.release(placed);
        } catch (IOException e) {
            throw new WriteException(
                    "cannot put " + place.filename() + " back into " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * A name free on disk and in the index ({@code filename}, or with " (n)"), claimed for a file
     * that arrives after its row is written; release it once the file is in place.
     */
    Path claimFreeName(Path folder, AlbumRow album, String filename) {
        for (int n = 0; ; n++) {
            String name = FileNames.candidate(filename, n);
            Path candidate = folder.resolve(name);
            if (!names.claim(candidate)) {
                continue;
            }
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) && !store.nameTaken(album.rowId(), name)) {
                return candidate;
            }
            names.release(candidate);
        }
    }

    /**
     * Moves a complete file under {@code filename} in a folder, or with " (n)", never replacing a
     * file nor taking a name another write claims; returns where it went, still claimed.
     */
    Path placeClaimed(Path file, Path folder, String filename) throws IOException {
        for (int n = 0; ; n++) {
            Path target = folder.resolve(FileNames.candidate(filename, n));
            if (!names.claim(target)) {
                continue;
            }
            if (FilePlacement.placeNoReplace(file, target)) {
                return target;
            }
            names.release(target);
        }
    }

    /** Claims a name for a file a write is about to place there; false when another write holds it. */
    boolean claimName(Path file) {
        return names.claim(file);
    }

    void releaseName(Path file) {
        names.release(file);
    }

    private static void moveReplacing(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Path temp = FilePlacement.tempIn(
                    to.getParent(), FileNames.extension(to.getFileName().toString()));
            Files.copy(from, temp);
            FilePlacement.force(temp);
            Files.move(temp, to, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(from);
        }
    }

    /** Undoes the file moves of a delete that did not commit. */
    private static void putBack(Map<Path, Path> moved) {
        for (Map.Entry<Path, Path> move : moved.entrySet()) {
            try {
                moveReplacing(move.getKey(), move.getValue());
            } catch (IOException e) {
                // Left in the trash: the next open's reconcileTrash moves it back.
            }
        }
    }

    String titleOf(String relPath) {
        if (relPath.isEmpty()) {
            Path name = root.getFileName();
            return name == null ? "/" : name.toString();
        }
        return relPath.substring(relPath.lastIndexOf('/') + 1);
    }

    static List<String> distinct(List<String> ids) {
        if (ids == null) {
            throw new InvalidArgumentException("ids: missing");
        }
        return List.copyOf(new LinkedHashSet<>(ids.stream().map(String::valueOf).toList()));
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (NoSuchFileException ignored) {
            // Gone already.
        } catch (IOException ignored) {
            // A leftover hidden temporary file is skipped by the scan.
        }
    }

    /** A file operation of a write failed; nothing of it was kept. */
    static final class WriteException extends CamrollException {
        WriteException(String message) {
            super(message);
        }

        WriteException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
