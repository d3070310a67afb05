package dev.camroll.core.library;

import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.NotFoundException;
import dev.camroll.core.access.Scope;
import dev.camroll.core.files.RawNames;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.AssetStore;
import dev.camroll.core.store.MomentIds;
import dev.camroll.core.store.WriteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places in the folder tree that all writes share: the root, album folders, where an asset's file
 * is, and the names writes have claimed but not committed yet ({@link ClaimedNames}).
 */
final class LibraryFolders {
    static final String DEFAULT_ALBUM = "Pictures";

    private final Path root;
    private final WriteStore store;
    private final AssetStore assets;

    private final ClaimedNames names = new ClaimedNames();

    LibraryFolders(Path root, WriteStore store, AssetStore assets) {
        this.root = root;
        this.store = store;
        this.assets = assets;
    }

    /** The folder (relative path) an album id names; the default album when null. */
    String targetFolder(Scope scope, String albumId) {
        return albumId == null ? DEFAULT_ALBUM : albumFolder(scope, albumId).relPath();
    }

    /**
     * The folder row of an album id the scope sees, whose folder exists; smart and unknown albums
     * are refused.
     */
    AlbumRow albumFolder(Scope scope, String albumId) {
        if (albumId != null && SmartAlbum.byId(albumId) != null) {
            throw InvalidArgumentException.of("album", "album: " + albumId + " is a smart album, which holds no files");
        }
        if (MomentIds.isMoment(albumId)) {
            throw InvalidArgumentException.of("album", "album: " + albumId + " is a moment, which holds no files");
        }
        AlbumRow album = assets.albumByPublicId(scope, albumId)
                .orElseThrow(() -> new NotFoundException("album", List.of(String.valueOf(albumId))));
        if (!Files.isDirectory(folderOf(album.relPath()), LinkOption.NOFOLLOW_LINKS)) {
            throw new NotFoundException("album", List.of(albumId));
        }
        return album;
    }

    /** The folder of a relative path; the root for "". */
    Path folderOf(String relPath) {
        return relPath.isEmpty() ? root : RawNames.resolve(root, relPath);
    }

    /** Where the file of an asset the scope sees is, by the index. */
    Optional<Path> pathOf(Scope scope, String id) {
        return store.placeOf(scope, id).map(place -> {
            AlbumRow album = assets.albumByRowId(place.albumRowId()).orElseThrow();
            Path folder = album.relPath().isEmpty() ? root : RawNames.resolve(root, album.relPath());
            return RawNames.resolve(folder, place.filename());
        });
    }

    String titleOf(String relPath) {
        if (relPath.isEmpty()) {
            return root.getFileName() == null ? "/" : RawNames.nameOf(root);
        }
        return relPath.substring(relPath.lastIndexOf('/') + 1);
    }

    /**
     * Places a file under {@code name}, or with " (n)" from {@code firstNumber} on, skipping names
     * another write claims and names still held by a row whose file vanished on disk (that row
     * stays an asset of its own until a scan finds its file gone). The name stays claimed.
     */
    Path placeUnderFreeName(Path file, Path folder, AlbumRow album, String name, int firstNumber) throws IOException {
        for (int n = firstNumber; ; n++) {
            String candidate = FileNames.candidate(name, n);
            Path target = RawNames.resolve(folder, candidate);
            if (!names.claim(target)) {
                continue;
            }
            if (!store.nameTaken(album.rowId(), candidate) && FilePlacement.placeNoReplace(file, target)) {
                return target;
            }
            names.release(target);
        }
    }

    /**
     * A name free on disk and in the index ({@code filename}, or with " (n)"), claimed for a file
     * that arrives after its row is written; release it once the file is in place.
     */
    Path claimFreeName(Path folder, AlbumRow album, String filename) {
        return claimFreeNames(folder, album, List.of(filename)).getFirst();
    }

    /**
     * Names free on disk and in the index for files that go together (a Live Photo's photo and
     * video): each of {@code filenames}, or each with the same " (n)", so that they stay a pair by
     * name. All claimed; release each once its file is in place.
     */
    List<Path> claimFreeNames(Path folder, AlbumRow album, List<String> filenames) {
        for (int n = 0; ; n++) {
            List<Path> claimed = new ArrayList<>(filenames.size());
            boolean free = true;
            for (String filename : filenames) {
                String name = FileNames.candidate(filename, n);
                Path candidate = RawNames.resolve(folder, name);
                if (!names.claim(candidate)) {
                    free = false;
                    break;
                }
                claimed.add(candidate);
                if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) || store.nameTaken(album.rowId(), name)) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return claimed;
            }
            claimed.forEach(names::release);
        }
    }

    /**
     * Moves a complete file under {@code filename} in a folder, or with " (n)", never replacing a
     * file nor taking a name another write claims; returns where it went, still claimed.
     */
    Path placeClaimed(Path file, Path folder, String filename) throws IOException {
        for (int n = 0; ; n++) {
            Path target = RawNames.resolve(folder, FileNames.candidate(filename, n));
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
}
