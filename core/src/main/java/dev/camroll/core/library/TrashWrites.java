package dev.camroll.core.library;

import dev.camroll.api.NotFoundException;
import dev.camroll.core.scan.TrashFolder;
import dev.camroll.core.scan.WriteTempFiles;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.AssetStore;
import dev.camroll.core.store.TrashRow;
import dev.camroll.core.store.WriteStore;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trash: deleting, restoring and purging. Files are moved first and the index follows in one
 * transaction (or, for restores, the other way round), in an order that {@link #reconcileTrash}
 * can finish or undo after a crash; see ARCHITECTURE.md.
 */
final class TrashWrites {
    private final Path trashDir;
    private final LibraryFolders folders;
    private final WriteStore store;
    private final AssetStore assets;
    /** Trash operations (delete, restore, purge) one at a time; creates run in parallel. */
    private final Object trashLock = new Object();

    TrashWrites(Path dataDir, LibraryFolders folders, WriteStore store, AssetStore assets) {
        this.trashDir = TrashFolder.of(dataDir);
        this.folders = folders;
        this.store = store;
        this.assets = assets;
    }

    /** Moves assets' files to the trash, then their rows, in one transaction; all or nothing. */
    void delete(List<String> ids) {
        List<String> unique = IdLists.distinct(ids);
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
                    Path file = folders.pathOf(id).orElseThrow(() -> new NotFoundException("asset", List.of(id)));
                    String trashName =
                            TrashFolder.fileName(id, file.getFileName().toString());
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
        List<String> unique = IdLists.distinct(ids);
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
                    Path folder = folders.folderOf(row.relPath());
                    Files.createDirectories(folder);
                    AlbumRow album = store.folder(row.relPath(), folders.titleOf(row.relPath()));
                    Path target = folders.claimFreeName(folder, album, row.filename());
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
                planned.forEach(folders::releaseName);
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
                FilePlacement.deleteQuietly(trashDir.resolve(row.trashName()));
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
                            FilePlacement.deleteQuietly(entry);
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
                    Path place = folders.pathOf(id).orElse(null);
                    if (place != null && !Files.exists(place, LinkOption.NOFOLLOW_LINKS)) {
                        putInPlace(id, file.getValue());
                    } else {
                        FilePlacement.deleteQuietly(file.getValue());
                    }
                    if (inTrash.contains(id)) {
                        store.forgetTrash(List.of(id));
                    }
                } else if (!inTrash.contains(id)) {
                    FilePlacement.deleteQuietly(file.getValue());
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

    /** Moves a trash file to its asset's place, renaming the row if the name was taken meanwhile. */
    private void putInPlace(String id, Path inTrash) {
        WriteStore.Place place = store.placeOf(id).orElseThrow();
        AlbumRow album = assets.albumByRowId(place.albumRowId()).orElseThrow();
        Path folder = folders.folderOf(album.relPath());
        try {
            Files.createDirectories(folder);
            // The row's own name is claimed by the restore that planned it, or by nobody.
            if (FilePlacement.placeNoReplace(inTrash, folder.resolve(place.filename()))) {
                return;
            }
            Path placed = folders.placeClaimed(inTrash, folder, place.filename());
            store.rename(id, placed.getFileName().toString());
            folders.releaseName(placed);
        } catch (IOException e) {
            throw new WriteException(
                    "cannot put " + place.filename() + " back into " + folder + ": " + e.getMessage(), e);
        }
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
}
