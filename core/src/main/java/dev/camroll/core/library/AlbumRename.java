package dev.camroll.core.library;

import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.NotFoundException;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppScope;
import dev.camroll.core.access.Scope;
import dev.camroll.core.files.RawNames;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.AssetStore;
import dev.camroll.core.store.FolderRenames;
import dev.camroll.core.store.WriteLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renaming an album: its folder is renamed (one rename of the folder, its files and subfolders
 * going with it), then the folder rows follow in one transaction, so every asset keeps its id,
 * favorite flag and everything else. Under the cross-process write lock of the album moves, and
 * journaled as they are ({@link MoveJournal}): a crash between the rename and the commit is rolled
 * back at the next open or scan (the folder gets its old name again), and until then the scan
 * takes neither the renamed files for new assets nor their rows for gone ones.
 */
final class AlbumRename {
    private final Path root;
    private final Path dataDir;
    private final FolderRenames renames;
    private final LibraryFolders folders;
    private final AssetStore assets;
    private final TrashWrites trash;

    private final AppGrants grants;

    AlbumRename(
            Path root,
            Path dataDir,
            FolderRenames renames,
            LibraryFolders folders,
            AssetStore assets,
            TrashWrites trash,
            AppGrants grants) {
        this.grants = grants;
        this.root = root;
        this.dataDir = dataDir;
        this.renames = renames;
        this.folders = folders;
        this.assets = assets;
        this.trash = trash;
    }

    /**
     * Gives the album {@code albumId} the title {@code title} (its folder's new name, beside the
     * old one). Returns the album's row as it is afterwards; the same title changes nothing.
     */
    AlbumRow rename(Scope scope, String albumId, String title) {
        FileNames.checkFolderName(title, "title");
        try (WriteLock.Held held = trash.exclusive().hold()) {
            AlbumRow album = folders.albumFolder(scope, albumId);
            if (album.relPath().isEmpty()) {
                throw InvalidArgumentException.of(
                        "albumId", album.title() + ": is the library's own folder, which cannot be renamed here");
            }
            if (album.relPath().equals(LibraryFolders.DEFAULT_ALBUM)) {
                throw InvalidArgumentException.of(
                        "albumId", album.title() + ": is the default album, where new assets go; it keeps its name");
            }
            if (album.title().equals(title)) {
                return album;
            }
            int slash = album.relPath().lastIndexOf('/');
            String newRelPath = slash < 0 ? title : album.relPath().substring(0, slash + 1) + title;
            Path from = folders.folderOf(album.relPath());
            Path to = folders.folderOf(newRelPath);
            checkDataFolder(from, to, title);
            // A title two albums share makes getAlbum(title) ambiguous: a rename never makes one.
            boolean titleTaken = assets.albums(Scope.owner()).stream()
                    .anyMatch(other -> other.album().title().equals(title));
            if (titleTaken || Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                throw InvalidArgumentException.conflict(
                        "title", title + ": an album or folder with this name exists already");
            }
            if (renames.hidesAssets(scope, album.relPath())) {
                // Its other assets are not the caller's: the album as a whole is not theirs to rename.
                throw new NotFoundException("album", List.of(albumId));
            }
            if (scope instanceof AppScope app
                    && renames.assetsUnder(scope, album.relPath()).stream()
                            .anyMatch(file -> !grants.created(app.app(), file.publicId()))) {
                // An app renames only an album of its own making: the others' assets would move.
                throw new NotFoundException("album", List.of(albumId));
            }
            renameFolder(scope, album, from, to, newRelPath, title);
            return new AlbumRow(album.rowId(), album.publicId(), newRelPath, title);
        }
    }

    private void renameFolder(Scope scope, AlbumRow album, Path from, Path to, String newRelPath, String title) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (FolderRenames.FileUnder file : renames.assetsUnder(scope, album.relPath())) {
            files.put(file.publicId(), RawNames.resolve(folders.folderOf(file.relPath()), file.filename()));
        }
        MoveJournal journal = new MoveJournal(root, dataDir);
        boolean renamed = false;
        boolean committed = false;
        try {
            journal.recordFolder(from, to, files);
            Files.move(from, to);
            renamed = true;
            FilePlacement.syncFolder(to.getParent());
            renames.rename(scope, album, newRelPath, title);
            committed = true;
        } catch (IOException e) {
            throw new WriteException("cannot rename the album " + album.title() + ": " + e.getMessage(), e);
        } finally {
            boolean back = !renamed || committed || moveBack(to, from);
            if (back) {
                journal.finish();
            } else {
                journal.close();
            }
        }
    }

    private static boolean moveBack(Path to, Path from) {
        try {
            Files.move(to, from);
            return true;
        } catch (IOException e) {
            // Left under the new name: the journal stays, and the next open puts it back.
            return false;
        }
    }

    /** The data folder (under the root with --data) is neither the new name nor inside the album. */
    private void checkDataFolder(Path from, Path to, String title) {
        Path data = dataDir.toAbsolutePath().normalize();
        if (data.equals(to.toAbsolutePath().normalize())
                || data.startsWith(from.toAbsolutePath().normalize())) {
            throw InvalidArgumentException.of(
                    "title", title + ": the library's data folder has this name or is in the album");
        }
    }
}
