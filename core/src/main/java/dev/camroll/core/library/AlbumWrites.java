package dev.camroll.core.library;

import dev.camroll.api.AssetSource;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.NotFoundException;
import dev.camroll.core.access.Scope;
import dev.camroll.core.files.RawNames;
import dev.camroll.core.scan.MovesInFlight;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.AssetRow;
import dev.camroll.core.store.LivePairs;
import dev.camroll.core.store.PairedVideo;
import dev.camroll.core.store.WriteLock;
import dev.camroll.core.store.WriteStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Album operations (an album is a folder under the root): creating one, copying and moving assets
 * between folders, deleting albums and migrating an album out of a folder this process cannot
 * write to. A move keeps the asset's id: the file is placed under the new folder without replacing
 * anything, then the rows change in one transaction; a failure before the commit moves the files
 * back. A copy is a new asset, made as {@link AssetCreation#create} makes one.
 */
final class AlbumWrites {
    private final Path root;
    private final Path dataDir;
    private final WriteStore store;
    private final LibraryFolders folders;
    private final AssetCreation creation;
    private final AlbumCopies copies;
    private final TrashWrites trash;

    AlbumWrites(
            Path root,
            Path dataDir,
            WriteStore store,
            LibraryFolders folders,
            AssetCreation creation,
            TrashWrites trash) {
        this.root = root;
        this.dataDir = dataDir;
        this.store = store;
        this.folders = folders;
        this.creation = creation;
        this.copies = new AlbumCopies(store, folders, creation);
        this.trash = trash;
    }

    /**
     * Puts back the files of moves a crash interrupted before their rows followed: at open, and
     * before each scan (a watching process may never open the library again). The write lock is
     * taken only when a journal of a process that has ended is there.
     */
    void rollBackMoves() {
        if (!MovesInFlight.anyAbandoned(dataDir)) {
            return;
        }
        try (WriteLock.Held held = trash.exclusive().hold()) {
            // The library's own recovery at open, for no caller: in the owner's scope.
            // A Live Photo's video is no asset: its row is looked up among the paired videos.
            MoveJournal.rollBack(
                    root, dataDir, id -> folders.pathOf(Scope.owner(), id).or(() -> store.livePairs()
                            .video(id)
                            .map(video -> RawNames.resolve(folders.folderOf(video.relPath()), video.filename()))));
        }
    }

    /**
     * Creates the folder {@code name} under the root with a first asset: {@code assetId} copied or
     * moved into it, and/or the file of {@code initialUri} imported. An album without any asset is
     * refused: an empty folder is not listed as an album.
     */
    AlbumRow create(Scope scope, String name, String assetId, boolean copy, String initialUri) {
        FileNames.checkFolderName(name);
        if (assetId == null && initialUri == null) {
            throw InvalidArgumentException.of(
                    "assetId",
                    name + ": an album needs an asset or a file to start with (an empty folder is not an album)");
        }
        AssetSource source = initialUri == null ? null : AssetSource.file(fileOf(initialUri));
        return create(scope, name, assetId, copy, source).album();
    }

    /** An album and the asset made from its first file, if it had one. */
    record NewAlbum(AlbumRow album, AssetRow first) {}

    /**
     * Creates the folder {@code name} with a first asset made from {@code first} (a caller's new
     * file as bytes: an app names no path of the machine).
     */
    NewAlbum create(Scope scope, String name, AssetSource first) {
        FileNames.checkFolderName(name);
        return create(scope, name, null, true, java.util.Objects.requireNonNull(first, "first"));
    }

    private NewAlbum create(Scope scope, String name, String assetId, boolean copy, AssetSource source) {
        if (source != null) {
            creation.checkSource(scope, source);
        }
        try (WriteLock.Held held = trash.exclusive().hold()) {
            if (assetId != null) {
                requireAssets(scope, List.of(assetId));
            }
            Path folder = RawNames.resolve(root, name);
            if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                throw InvalidArgumentException.conflict(
                        "name", name + ": an album or folder with this name exists already");
            }
            try {
                Files.createDirectory(folder);
            } catch (FileAlreadyExistsException e) {
                throw InvalidArgumentException.conflict(
                        "name", name + ": an album or folder with this name exists already");
            } catch (IOException e) {
                throw new WriteException("cannot create the album " + folder + ": " + e.getMessage(), e);
            }
            boolean done = false;
            try {
                AlbumRow album = store.folder(name, name);
                if (assetId != null) {
                    if (copy) {
                        copies.copyInto(scope, List.of(assetId), album);
                    } else {
                        moveInto(scope, List.of(assetId), album);
                    }
                }
                AssetRow created = source == null ? null : creation.createInFolder(scope, source, name);
                done = true;
                return new NewAlbum(album, created);
            } finally {
                if (!done) {
                    removeIfEmpty(folder);
                }
            }
        }
    }

    /** Copies (new ids) or moves (same ids) assets into an album; unknown ids change nothing. */
    void add(Scope scope, List<String> assetIds, String albumId, boolean copy) {
        List<String> ids = IdLists.distinct(assetIds);
        try (WriteLock.Held held = trash.exclusive().hold()) {
            AlbumRow album = folders.albumFolder(scope, albumId);
            requireAssets(scope, ids);
            if (copy) {
                copies.copyInto(scope, ids, album);
            } else {
                moveInto(scope, ids, album);
            }
        }
    }

    /** Moves assets of an album to the default album, ids kept; each must be in that album. */
    void remove(Scope scope, List<String> assetIds, String albumId) {
        List<String> ids = IdLists.distinct(assetIds);
        try (WriteLock.Held held = trash.exclusive().hold()) {
            AlbumRow album = folders.albumFolder(scope, albumId);
            requireAssets(scope, ids);
            List<String> elsewhere = new ArrayList<>();
            for (String id : ids) {
                if (store.placeOf(scope, id).orElseThrow().albumRowId() != album.rowId()) {
                    elsewhere.add(id);
                }
            }
            if (!elsewhere.isEmpty()) {
                throw InvalidArgumentException.of(
                        "assetIds", "not in the album " + album.title() + ": " + String.join(", ", elsewhere));
            }
            if (album.relPath().equals(LibraryFolders.DEFAULT_ALBUM)) {
                throw InvalidArgumentException.of(
                        "albumId", album.title() + ": is the default album; assets removed from an album go there");
            }
            moveInto(scope, ids, defaultAlbum());
        }
    }

    /**
     * Deletes albums: their assets go to the default album (ids kept) or, with {@code assetRemove},
     * to the trash. A folder is removed once empty; one still holding other files or folders stays.
     */
    void delete(Scope scope, List<String> albumIds, boolean assetRemove) {
        List<String> ids = IdLists.distinct(albumIds);
        try (WriteLock.Held held = trash.exclusive().hold()) {
            List<AlbumRow> albums = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String id : ids) {
                try {
                    albums.add(folders.albumFolder(scope, id));
                } catch (NotFoundException e) {
                    missing.add(id);
                }
            }
            if (!missing.isEmpty()) {
                throw new NotFoundException("album", missing);
            }
            for (AlbumRow album : albums) {
                if (!assetRemove && album.relPath().equals(LibraryFolders.DEFAULT_ALBUM)) {
                    throw InvalidArgumentException.of(
                            "albumIds",
                            album.title()
                                    + ": is the default album; its assets can only be deleted with it (assetRemove)");
                }
            }
            for (AlbumRow album : albums) {
                List<String> assetIds = store.assetIdsIn(scope, album.rowId());
                if (assetRemove) {
                    trash.delete(scope, assetIds);
                } else {
                    moveInto(scope, assetIds, defaultAlbum());
                }
                if (!album.relPath().isEmpty()) {
                    removeIfEmpty(folders.folderOf(album.relPath()));
                }
            }
        }
    }

    /**
     * Moves assets' files into an album's folder (no file replaced, " (1)" on a taken name), then
     * their rows in one transaction; a failure before the commit moves the files back.
     */
    private void moveInto(Scope scope, List<String> ids, AlbumRow album) {
        Path folder = folders.folderOf(album.relPath());
        Map<String, WriteStore.Place> places = new LinkedHashMap<>();
        Map<String, WriteStore.Place> videoPlaces = new LinkedHashMap<>();
        Map<Path, Path> moved = new LinkedHashMap<>();
        List<Path> claimed = new ArrayList<>();
        // Each name is written down before the file goes there: after a crash before the commit,
        // the next open puts the files back instead of the scan taking them for new assets.
        MoveJournal journal = new MoveJournal(root, dataDir);
        try {
            Files.createDirectories(folder);
            for (String id : ids) {
                WriteStore.Place from =
                        store.placeOf(scope, id).orElseThrow(() -> new NotFoundException("asset", List.of(id)));
                if (from.albumRowId() == album.rowId()) {
                    continue;
                }
                Path file = folders.pathOf(scope, id).orElseThrow();
                for (int n = 0; ; n++) {
                    Path target = RawNames.resolve(folder, FileNames.candidate(from.filename(), n));
                    if (!folders.claimName(target)) {
                        continue;
                    }
                    journal.record(id, file, target);
                    if (FilePlacement.placeNoReplace(file, target)) {
                        claimed.add(target);
                        moved.put(target, file);
                        places.put(id, new WriteStore.Place(album.rowId(), name(target)));
                        break;
                    }
                    folders.releaseName(target);
                }
                movePairedVideo(id, places.get(id), folder, album, journal, claimed, moved, videoPlaces);
            }
            store.move(scope, places, videoPlaces);
            moved.clear();
        } catch (IOException e) {
            throw new WriteException("cannot move files to " + folder + ": " + e.getMessage(), e);
        } finally {
            claimed.forEach(folders::releaseName);
            boolean allBack = true;
            for (Map.Entry<Path, Path> move : moved.entrySet()) {
                try {
                    allBack &= FilePlacement.placeNoReplace(move.getKey(), move.getValue());
                } catch (IOException ignored) {
                    // Left in the new folder: the journal stays for the next open.
                    allBack = false;
                }
            }
            if (allBack) {
                journal.finish();
            } else {
                journal.close();
            }
        }
    }

    /**
     * A Live Photo's video goes where its photo went, under the photo's new base name and its own
     * extension (" (n)" on a taken name), written down in the same journal: a crash before the
     * commit puts both back.
     */
    private void movePairedVideo(
            String photoId,
            WriteStore.Place photoPlace,
            Path folder,
            AlbumRow album,
            MoveJournal journal,
            List<Path> claimed,
            Map<Path, Path> moved,
            Map<String, WriteStore.Place> videoPlaces)
            throws IOException {
        if (photoPlace == null) {
            return;
        }
        for (PairedVideo video : store.livePairs().videosOf(List.of(photoId))) {
            Path file = RawNames.resolve(folders.folderOf(video.relPath()), video.filename());
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String wanted = LivePairs.baseName(photoPlace.filename())
                    + video.filename()
                            .substring(LivePairs.baseName(video.filename()).length());
            for (int n = 0; ; n++) {
                Path target = RawNames.resolve(folder, FileNames.candidate(wanted, n));
                if (!folders.claimName(target)) {
                    continue;
                }
                journal.record(video.publicId(), file, target);
                if (FilePlacement.placeNoReplace(file, target)) {
                    claimed.add(target);
                    moved.put(target, file);
                    videoPlaces.put(video.publicId(), new WriteStore.Place(album.rowId(), name(target)));
                    break;
                }
                folders.releaseName(target);
            }
        }
    }

    private AlbumRow defaultAlbum() {
        return store.folder(LibraryFolders.DEFAULT_ALBUM, LibraryFolders.DEFAULT_ALBUM);
    }

    private void requireAssets(Scope scope, List<String> ids) {
        List<String> missing = store.missingAssets(scope, ids);
        if (!missing.isEmpty()) {
            throw new NotFoundException("asset", missing);
        }
    }

    private static Path fileOf(String uri) {
        try {
            URI parsed = URI.create(uri);
            if (!"file".equalsIgnoreCase(parsed.getScheme())) {
                throw InvalidArgumentException.of("initialAssetLocalUri", uri + ": not a file: URI");
            }
            return Path.of(parsed);
        } catch (IllegalArgumentException e) {
            throw InvalidArgumentException.of("initialAssetLocalUri", uri + ": not a file: URI: " + e.getMessage());
        }
    }

    private static String name(Path file) {
        return RawNames.nameOf(file);
    }

    /** Removes a folder that holds nothing; one that still holds files or folders stays. */
    private static void removeIfEmpty(Path folder) {
        try {
            Files.deleteIfExists(folder);
        } catch (DirectoryNotEmptyException e) {
            // Other files are in it: the folder stays.
        } catch (IOException e) {
            // Cannot remove it: it stays, and an empty folder is not listed as an album.
        }
    }
}
