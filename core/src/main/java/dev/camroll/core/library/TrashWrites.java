package dev.camroll.core.library;

import dev.camroll.api.NotFoundException;
import dev.camroll.core.access.Scope;
import dev.camroll.core.files.RawNames;
import dev.camroll.core.scan.TrashFolder;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.AssetStore;
import dev.camroll.core.store.PairedVideo;
import dev.camroll.core.store.TrashRecords;
import dev.camroll.core.store.TrashRow;
import dev.camroll.core.store.TrashedVideo;
import dev.camroll.core.store.WriteLock;
import dev.camroll.core.store.WriteStore;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The trash: deleting, restoring and purging. Files are moved first and the index follows in one
 * transaction (or, for restores, the other way round), in an order that {@link TrashReconciliation}
 * can finish or undo after a crash; see ARCHITECTURE.md. Each runs under the data folder's
 * {@link WriteLock}, so that no other process reconciles the trash while it is half done.
 */
final class TrashWrites {
    private final Path dataDir;
    private final LibraryFolders folders;
    private final WriteStore store;
    private final TrashRecords records;
    private final AssetStore assets;
    private final WriteLock lock;

    /** Told the ids of assets deleted for good, once their rows are gone. */
    private final Consumer<List<String>> purged;

    TrashWrites(
            Path dataDir,
            LibraryFolders folders,
            WriteStore store,
            TrashRecords records,
            AssetStore assets,
            Consumer<List<String>> purged) {
        this.dataDir = dataDir;
        this.purged = purged;
        this.folders = folders;
        this.store = store;
        this.records = records;
        this.assets = assets;
        this.lock = WriteLock.of(dataDir);
    }

    /**
     * Moves assets' files to the trash, each after its sidecar, then their rows, in one
     * transaction; all or nothing. A file that cannot be reached or moved (a folder this process
     * may not write) fails the whole delete before anything moves.
     */
    void delete(Scope scope, List<String> ids) {
        List<String> unique = IdLists.distinct(ids);
        if (unique.isEmpty()) {
            return;
        }
        try (WriteLock.Held held = lock.hold()) {
            List<String> missing = store.missingAssets(scope, unique);
            if (!missing.isEmpty()) {
                throw new NotFoundException("asset", missing);
            }
            Map<String, Optional<Path>> files = new LinkedHashMap<>();
            for (String id : unique) {
                Path file = folders.pathOf(scope, id).orElseThrow(() -> new NotFoundException("asset", List.of(id)));
                files.put(id, movableFile(file));
            }
            Path trashDir = OwnFolders.require(dataDir, TrashFolder.NAME);
            Path infoDir = OwnFolders.require(dataDir, TrashSidecar.FOLDER);
            // A Live Photo's video goes with its photo, into the trash under its own id with a
            // sidecar that names the photo; one whose file is gone is left to the scan.
            Map<PairedVideo, Path> videos = new LinkedHashMap<>();
            for (PairedVideo video : store.livePairs().videosOf(unique)) {
                movableFile(RawNames.resolve(folders.folderOf(video.relPath()), video.filename()))
                        .ifPresent(file -> videos.put(video, file));
            }
            Map<String, Map<String, String>> columns = records.ofAssets(scope, unique);
            Map<String, Map<String, String>> videoColumns = records.ofPairedVideos(
                    videos.keySet().stream().map(PairedVideo::publicId).toList());
            long now = System.currentTimeMillis();
            Map<String, String> trashNames = new LinkedHashMap<>();
            Map<String, String> videoTrashNames = new LinkedHashMap<>();
            Map<Path, Path> moved = new LinkedHashMap<>();
            List<Path> sidecars = new ArrayList<>();
            try {
                for (Map.Entry<String, Optional<Path>> entry : files.entrySet()) {
                    String id = entry.getKey();
                    Path file = folders.pathOf(scope, id).orElseThrow();
                    String trashName = TrashFolder.fileName(id, RawNames.nameOf(file));
                    new TrashSidecar(id, trashName, now, columns.getOrDefault(id, Map.of()), null).writeTo(infoDir);
                    sidecars.add(infoDir.resolve(TrashSidecar.fileName(id)));
                    if (entry.getValue().isPresent()) {
                        Path inTrash = RawNames.resolve(trashDir, trashName);
                        moveReplacing(entry.getValue().get(), inTrash);
                        moved.put(inTrash, entry.getValue().get());
                    }
                    trashNames.put(id, trashName);
                }
                for (Map.Entry<PairedVideo, Path> entry : videos.entrySet()) {
                    PairedVideo video = entry.getKey();
                    String trashName = TrashFolder.fileName(video.publicId(), video.filename());
                    new TrashSidecar(
                                    video.publicId(),
                                    trashName,
                                    now,
                                    videoColumns.getOrDefault(video.publicId(), Map.of()),
                                    video.photoPublicId())
                            .writeTo(infoDir);
                    sidecars.add(infoDir.resolve(TrashSidecar.fileName(video.publicId())));
                    Path inTrash = RawNames.resolve(trashDir, trashName);
                    moveReplacing(entry.getValue(), inTrash);
                    moved.put(inTrash, entry.getValue());
                    videoTrashNames.put(video.publicId(), trashName);
                }
                FilePlacement.syncFolder(trashDir);
                store.trash(scope, trashNames, videoTrashNames, now);
                moved.clear();
                sidecars.clear();
            } catch (IOException e) {
                throw new WriteException("cannot move files to the trash " + trashDir + ": " + e.getMessage(), e);
            } finally {
                putBack(moved);
                sidecars.forEach(FilePlacement::deleteQuietly);
            }
        }
    }

    /**
     * The file of an asset to delete when it is there, empty when it is gone; a file that cannot
     * be told apart from a missing one (its folder cannot be searched) or whose folder cannot be
     * changed is an error: taking it for gone would drop the asset and leave its file.
     */
    private static Optional<Path> movableFile(Path file) {
        try {
            Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            if (Files.isDirectory(file.getParent()) && Files.isReadable(file.getParent())) {
                return Optional.empty();
            }
            throw cannotDelete(file, "its folder cannot be read");
        } catch (AccessDeniedException e) {
            throw cannotDelete(file, "permission denied");
        } catch (IOException e) {
            throw cannotDelete(file, e.getMessage());
        }
        if (!Files.isWritable(file.getParent())) {
            throw cannotDelete(file, "its folder " + file.getParent() + " cannot be written (read-only or immutable)");
        }
        return Optional.of(file);
    }

    private static WriteException cannotDelete(Path file, String why) {
        return new WriteException("cannot move " + file + " to the trash: " + why + "; nothing was deleted");
    }

    /** Puts trashed assets back where they were, with their ids; all or nothing. */
    void restore(Scope scope, List<String> ids) {
        List<String> unique = IdLists.distinct(ids);
        if (unique.isEmpty()) {
            return;
        }
        try (WriteLock.Held held = lock.hold()) {
            List<String> missing = store.missingFromTrash(scope, unique);
            if (!missing.isEmpty()) {
                throw new NotFoundException("trashed asset", missing);
            }
            Path trashDir = OwnFolders.require(dataDir, TrashFolder.NAME);
            Map<String, TrashRow> rows = store.trashed(scope, unique);
            List<String> lost = new ArrayList<>();
            for (TrashRow row : rows.values()) {
                if (!OwnFolders.isPlainFile(RawNames.resolve(trashDir, row.trashName()))) {
                    lost.add(row.publicId());
                }
            }
            if (!lost.isEmpty()) {
                throw new WriteException("the trash no longer holds the files of " + String.join(", ", lost));
            }
            // A Live Photo's video comes back beside its photo, renamed with it; one whose file
            // the trash lost is left for the next open to forget, and the photo comes back alone.
            Map<String, TrashedVideo> videos = new LinkedHashMap<>();
            for (TrashedVideo video : store.trashedVideos().ofPhotos(unique)) {
                if (OwnFolders.isPlainFile(RawNames.resolve(trashDir, video.trashName()))) {
                    videos.put(video.photoPublicId(), video);
                }
            }
            // Names first (free on disk, and not given twice in this call), then the index, then
            // the files, then the sidecars: a crash after the commit is finished at the next open.
            Map<String, WriteStore.Place> places = new LinkedHashMap<>();
            Map<String, WriteStore.Place> videoPlaces = new LinkedHashMap<>();
            List<Path> planned = new ArrayList<>();
            try {
                for (TrashRow row : rows.values()) {
                    Path folder = folders.folderOf(row.relPath());
                    Files.createDirectories(folder);
                    AlbumRow album = store.folder(row.relPath(), folders.titleOf(row.relPath()));
                    TrashedVideo video = videos.get(row.publicId());
                    List<Path> targets = folders.claimFreeNames(
                            folder,
                            album,
                            video == null ? List.of(row.filename()) : List.of(row.filename(), video.filename()));
                    planned.addAll(targets);
                    places.put(row.publicId(), new WriteStore.Place(album.rowId(), RawNames.nameOf(targets.get(0))));
                    if (video != null) {
                        videoPlaces.put(
                                video.publicId(), new WriteStore.Place(album.rowId(), RawNames.nameOf(targets.get(1))));
                    }
                }
                store.restore(scope, places, videoPlaces);
                for (TrashRow row : rows.values()) {
                    putInPlace(scope, row.publicId(), RawNames.resolve(trashDir, row.trashName()));
                    TrashedVideo video = videos.get(row.publicId());
                    if (video != null) {
                        putVideoInPlace(video.publicId(), RawNames.resolve(trashDir, video.trashName()));
                        dropSidecar(video.publicId());
                    }
                    dropSidecar(row.publicId());
                }
            } catch (IOException e) {
                throw new WriteException("cannot restore from the trash: " + e.getMessage(), e);
            } finally {
                planned.forEach(folders::releaseName);
            }
        }
    }

    /**
     * Deletes for good the trashed assets trashed before {@code before} (epoch ms); how many. All
     * or nothing: the ids go to the {@link PurgeJournal} first, then each file and its sidecar,
     * then the rows in one transaction, then the journal; an open after a crash finishes what the
     * journal names. Only a plain file named by a trash row is deleted, never what a link in its
     * place points to.
     */
    int purge(Scope scope, long before) {
        try (WriteLock.Held held = lock.hold()) {
            List<TrashRow> rows = store.trashedBefore(scope, before);
            if (rows.isEmpty()) {
                return 0;
            }
            List<String> ids = rows.stream().map(TrashRow::publicId).toList();
            Path infoDir = OwnFolders.require(dataDir, TrashSidecar.FOLDER);
            try {
                PurgeJournal.write(infoDir, ids);
            } catch (IOException e) {
                throw new WriteException("cannot start the purge: " + e.getMessage(), e);
            }
            Optional<Path> trashDir = OwnFolders.existing(dataDir, TrashFolder.NAME);
            Map<String, Path> files = new LinkedHashMap<>();
            for (TrashRow row : rows) {
                trashDir.ifPresent(folder -> files.put(row.publicId(), RawNames.resolve(folder, row.trashName())));
            }
            finishPurge(scope, ids, files);
            return rows.size();
        }
    }

    /**
     * Deletes the trash files (plain files only) and sidecars of {@code ids}, forgets their rows,
     * then drops the purge journal. Under the write lock.
     */
    void finishPurge(Scope scope, List<String> ids, Map<String, Path> files) {
        // A Live Photo's video goes with its photo: read before the photos' rows go, its file
        // deleted before its row, so that a crash in between leaves a row whose file the scan
        // finds gone, or the journal's ids to find it by again.
        List<PairedVideo> videos = assets.livePairs().videosOf(ids);
        for (PairedVideo video : videos) {
            Path file = RawNames.resolve(folders.folderOf(video.relPath()), video.filename());
            if (OwnFolders.isPlainFile(file)) {
                FilePlacement.deleteQuietly(file);
            }
        }
        assets.livePairs().forget(videos.stream().map(PairedVideo::publicId).toList());
        // A video trashed with its photo: its file and sidecar, then its row.
        List<TrashedVideo> trashed = store.trashedVideos().ofPhotos(ids);
        Optional<Path> trashDir = OwnFolders.existing(dataDir, TrashFolder.NAME);
        for (TrashedVideo video : trashed) {
            trashDir.map(folder -> RawNames.resolve(folder, video.trashName()))
                    .filter(OwnFolders::isPlainFile)
                    .ifPresent(FilePlacement::deleteQuietly);
            dropSidecar(video.publicId());
        }
        store.trashedVideos()
                .forget(trashed.stream().map(TrashedVideo::publicId).toList());
        for (String id : ids) {
            Path file = files.get(id);
            if (file != null && OwnFolders.isPlainFile(file)) {
                FilePlacement.deleteQuietly(file);
            }
            dropSidecar(id);
        }
        store.forgetTrash(scope, ids);
        // What else the library keeps of these assets (their thumbnails) goes before the journal
        // does, so that a crash in between finishes it at the next open.
        purged.accept(ids);
        OwnFolders.existing(dataDir, TrashSidecar.FOLDER).ifPresent(PurgeJournal::delete);
    }

    /**
     * Purges what is older than the retention (counted from each deletion's own time), at open:
     * the library's own housekeeping, for no caller, so in the owner's scope.
     */
    void purgeExpired(Duration retention) {
        long before = System.currentTimeMillis() - retention.toMillis();
        if (!store.trashedBefore(Scope.owner(), before).isEmpty()) {
            purge(Scope.owner(), before);
        }
    }

    /** The lock of the operations that move files between places (trash, albums): one at a time. */
    WriteLock exclusive() {
        return lock;
    }

    List<String> trashedIds(Scope scope) {
        return store.trashedBefore(scope, Long.MAX_VALUE).stream()
                .map(TrashRow::publicId)
                .toList();
    }

    /** Moves a trash file to its asset's place, renaming the row if the name was taken meanwhile. */
    void putInPlace(Scope scope, String id, Path inTrash) {
        WriteStore.Place place = store.placeOf(scope, id).orElseThrow();
        AlbumRow album = assets.albumByRowId(place.albumRowId()).orElseThrow();
        Path folder = folders.folderOf(album.relPath());
        try {
            Files.createDirectories(folder);
            // The row's own name is claimed by the restore that planned it, or by nobody.
            if (FilePlacement.placeNoReplace(inTrash, RawNames.resolve(folder, place.filename()))) {
                return;
            }
            // Free in the index too: a row of a file gone from disk that no scan has seen yet
            // would clash with the rename.
            Path placed = folders.placeUnderFreeName(inTrash, folder, album, place.filename(), 0);
            store.rename(scope, id, RawNames.nameOf(placed));
            folders.releaseName(placed);
        } catch (IOException e) {
            throw new WriteException(
                    "cannot put " + place.filename() + " back into " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves a Live Photo's video from the trash to its row's place, renaming the row if the name
     * was taken meanwhile (the photo's own rename is {@link #putInPlace}'s).
     */
    void putVideoInPlace(String videoId, Path inTrash) {
        PairedVideo video = store.livePairs().video(videoId).orElseThrow();
        AlbumRow album = assets.albumByRowId(video.albumRowId()).orElseThrow();
        Path folder = folders.folderOf(album.relPath());
        try {
            Files.createDirectories(folder);
            if (FilePlacement.placeNoReplace(inTrash, RawNames.resolve(folder, video.filename()))) {
                return;
            }
            Path placed = folders.placeUnderFreeName(inTrash, folder, album, video.filename(), 1);
            store.livePairs().rename(videoId, RawNames.nameOf(placed));
            folders.releaseName(placed);
        } catch (IOException e) {
            throw new WriteException(
                    "cannot put " + video.filename() + " back into " + folder + ": " + e.getMessage(), e);
        }
    }

    void dropSidecar(String id) {
        OwnFolders.existing(dataDir, TrashSidecar.FOLDER)
                .map(folder -> folder.resolve(TrashSidecar.fileName(id)))
                .filter(OwnFolders::isPlainFile)
                .ifPresent(FilePlacement::deleteQuietly);
    }

    private static void moveReplacing(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Path temp = FilePlacement.tempIn(to.getParent(), FileNames.extension(RawNames.nameOf(to)));
            Files.copy(from, temp);
            FilePlacement.force(temp);
            Files.move(temp, to, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.delete(from);
            } catch (IOException notRemoved) {
                Files.delete(to);
                throw notRemoved;
            }
        }
    }

    /** Undoes the file moves of a delete that did not commit. */
    private static void putBack(Map<Path, Path> moved) {
        for (Map.Entry<Path, Path> move : moved.entrySet()) {
            try {
                moveReplacing(move.getKey(), move.getValue());
            } catch (IOException e) {
                // Left in the trash: the next open's reconciliation moves it back.
            }
        }
    }
}
