package dev.camroll.core.library;

import dev.camroll.core.access.Scope;
import dev.camroll.core.files.RawNames;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.LivePairs;
import dev.camroll.core.store.PairedVideo;
import dev.camroll.core.store.WriteLock;
import dev.camroll.core.store.WriteStore;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An album whose folder this process cannot write (a read-only share, an immutable folder) moved
 * into a new folder under the root, as Android's migration of legacy albums does: ids kept, a
 * Live Photo's video along with its photo.
 */
final class AlbumMigration {
    private final Path root;
    private final WriteStore store;
    private final LibraryFolders folders;
    private final WriteLock lock;

    AlbumMigration(Path root, WriteStore store, LibraryFolders folders, WriteLock lock) {
        this.root = root;
        this.store = store;
        this.folders = folders;
        this.lock = lock;
    }

    /** Whether this process cannot write to the album's folder. */
    boolean needsMigration(Scope scope, String albumId) {
        AlbumRow album = folders.albumFolder(scope, albumId);
        return !Files.isWritable(folders.folderOf(album.relPath()));
    }

    /**
     * Moves the assets of an album whose folder this process cannot write to into a new folder
     * under the root (the album's name, or with " (1)", ... when taken), ids kept: each file is
     * copied, the rows move in one transaction, then the originals are removed where possible.
     */
    void migrate(Scope scope, String albumId) {
        try (WriteLock.Held held = lock.hold()) {
            AlbumRow album = folders.albumFolder(scope, albumId);
            Path old = folders.folderOf(album.relPath());
            if (Files.isWritable(old)) {
                return;
            }
            String base = album.relPath().isEmpty() ? folders.titleOf("") : album.title();
            Map<String, WriteStore.Place> places = new LinkedHashMap<>();
            Map<String, WriteStore.Place> videoPlaces = new LinkedHashMap<>();
            List<Path> placed = new ArrayList<>();
            List<Path> originals = new ArrayList<>();
            List<Path> claimed = new ArrayList<>();
            try {
                Path folder = null;
                for (int n = 0; folder == null; n++) {
                    Path candidate = RawNames.resolve(root, FileNames.candidate(base, n));
                    try {
                        Files.createDirectory(candidate);
                        folder = candidate;
                    } catch (FileAlreadyExistsException e) {
                        // Taken: the next number.
                    }
                }
                String relPath = RawNames.relative(root, folder);
                AlbumRow target = store.folder(relPath, folders.titleOf(relPath));
                for (String id : store.assetIdsIn(scope, album.rowId())) {
                    Path file = folders.pathOf(scope, id).orElseThrow();
                    Path temp = FilePlacement.tempIn(folder, FileNames.extension(RawNames.nameOf(file)));
                    try {
                        Files.copy(file, temp);
                        FilePlacement.force(temp);
                        Path candidate = folders.placeClaimed(temp, folder, name(file));
                        claimed.add(candidate);
                        placed.add(candidate);
                        places.put(id, new WriteStore.Place(target.rowId(), name(candidate)));
                        originals.add(file);
                    } finally {
                        FilePlacement.deleteQuietly(temp);
                    }
                    copyPairedVideos(
                            id, places.get(id).filename(), folder, target, videoPlaces, placed, claimed, originals);
                }
                store.move(scope, places, videoPlaces);
                placed.clear();
            } catch (IOException e) {
                throw new WriteException("cannot migrate the album " + album.title() + ": " + e.getMessage(), e);
            } finally {
                placed.forEach(FilePlacement::deleteQuietly);
                claimed.forEach(folders::releaseName);
            }
            // The rows are in the new folder: the originals go where the folder allows it.
            originals.forEach(FilePlacement::deleteQuietly);
        }
    }

    /**
     * A migrated Live Photo's video: copied into the new folder under the photo's new base name
     * and its own extension, its row moved with the photo's in the same transaction.
     */
    private void copyPairedVideos(
            String photoId,
            String photoName,
            Path folder,
            AlbumRow target,
            Map<String, WriteStore.Place> videoPlaces,
            List<Path> placed,
            List<Path> claimed,
            List<Path> originals)
            throws IOException {
        for (PairedVideo video : store.livePairs().videosOf(List.of(photoId))) {
            Path file = RawNames.resolve(folders.folderOf(video.relPath()), video.filename());
            if (!OwnFolders.isPlainFile(file)) {
                continue;
            }
            String wanted = LivePairs.baseName(photoName)
                    + video.filename()
                            .substring(LivePairs.baseName(video.filename()).length());
            Path temp = FilePlacement.tempIn(folder, FileNames.extension(video.filename()));
            try {
                Files.copy(file, temp);
                FilePlacement.force(temp);
                Path candidate = folders.placeClaimed(temp, folder, wanted);
                claimed.add(candidate);
                placed.add(candidate);
                videoPlaces.put(video.publicId(), new WriteStore.Place(target.rowId(), name(candidate)));
                originals.add(file);
            } finally {
                FilePlacement.deleteQuietly(temp);
            }
        }
    }

    private static String name(Path file) {
        return RawNames.nameOf(file);
    }
}
