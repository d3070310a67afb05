package dev.camroll.core.scan;

import dev.camroll.api.ScanWarning;
import dev.camroll.core.files.RawNames;
import dev.camroll.core.metadata.ContentKey;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.KnownFile;
import dev.camroll.core.store.ScanChange;
import dev.camroll.core.store.ScanStore;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the folder tree, or the folders of a {@link ScanScope.Folders}, and compares each folder
 * with what the index knows of it, by fingerprint (size and modification time): only new and
 * changed files are read afterwards. The index is asked one folder at a time, so memory follows
 * the largest folder, not the library, plus the rows of files that are gone (held until the new
 * files are read, since a gone file may have moved).
 *
 * <p>Given folders, each is listed without the subfolders the index knows (those had no event, or
 * are given too); a subfolder the index does not know is walked whole, since its files came in
 * without an event of their own (a folder moved or copied in). The index's folders under a given
 * one that are no longer on disk are gone folders, as in a walk of the whole tree.
 *
 * <p>Hidden files and folders (a leading dot), the index folder and symbolic links are skipped:
 * a link could lead out of the library. The hidden temporary files of writes are collected, so
 * that the scan can delete those a crash left behind.
 */
final class FolderWalker extends SimpleFileVisitor<Path> {
    private final Path root;
    private final Path dataDir;
    private final ScanStore store;
    private final Map<String, AlbumRow> albums;
    private final Set<String> seenFolders = new HashSet<>();
    /** Every folder that was listed, so that no folder is listed twice in one walk. */
    private final Set<String> listedFolders = new HashSet<>();
    /** Folders the index knows that were left out of a walk of given folders, as unchanged. */
    private final Set<String> unlistedFolders = new HashSet<>();
    /** The index's folders and their parents; null when the whole tree is walked. */
    private Set<String> knownFolders;
    /** Where the running walk began: the root, or one of the given folders. */
    private Path start;

    private final Deque<Listing> folders = new ArrayDeque<>();
    private final List<FoundFile> toRead = new ArrayList<>();
    private final List<FoundFile> keyless = new ArrayList<>();
    private final List<ScanChange> unskips = new ArrayList<>();
    private final List<GoneRow> goneRows = new ArrayList<>();
    private final List<ScanWarning> warnings = new ArrayList<>();
    private final List<Path> tempFiles = new ArrayList<>();
    private int unchanged;

    private FolderWalker(Path root, Path dataDir, ScanStore store) {
        this.root = root;
        this.dataDir = dataDir;
        this.store = store;
        this.albums = store.albumsByPath();
    }

    /**
     * @param alsoFolders folder rows to list besides the scope's folders (those holding rows the
     *     last scan left to this one); ignored when the scope is the whole tree
     */
    static WalkResult walk(Path root, Path dataDir, ScanStore store, ScanScope scope, Set<Long> alsoFolders)
            throws IOException {
        FolderWalker walker = new FolderWalker(root, dataDir, store);
        List<AlbumRow> gone =
                switch (scope) {
                    case ScanScope.WholeTree wholeTree -> walker.walkWholeTree();
                    case ScanScope.Folders folders -> walker.walkFolders(folders.relPaths(), alsoFolders);
                };
        // A folder renamed on disk is gone under its old path: its assets are move candidates too.
        for (AlbumRow album : gone) {
            walker.goneFrom(album.rowId(), store.knownFiles(album.rowId()));
        }
        return new WalkResult(
                walker.toRead,
                walker.keyless,
                walker.unskips,
                walker.withKeys(),
                gone,
                walker.unchanged,
                walker.albums.isEmpty(),
                walker.warnings,
                walker.tempFiles);
    }

    private List<AlbumRow> walkWholeTree() throws IOException {
        start = root;
        Files.walkFileTree(root, this);
        return albums.values().stream()
                .filter(album -> !seenFolders.contains(album.relPath()))
                .toList();
    }

    private List<AlbumRow> walkFolders(Set<String> given, Set<Long> alsoFolders) throws IOException {
        knownFolders = foldersAndTheirParents(albums.keySet());
        Set<String> toList = new HashSet<>(given);
        for (AlbumRow album : albums.values()) {
            if (alsoFolders.contains(album.rowId())) {
                toList.add(album.relPath());
            }
        }
        for (String folder : toList.stream().sorted().toList()) {
            Path dir = RawNames.resolve(root, folder);
            if (!listedFolders.contains(folder) && isListable(folder, dir)) {
                start = dir;
                Files.walkFileTree(dir, this);
            }
        }
        List<AlbumRow> gone = new ArrayList<>();
        for (AlbumRow album : albums.values()) {
            if (!seenFolders.contains(album.relPath()) && isGoneUnder(album.relPath(), toList)) {
                gone.add(album);
            }
        }
        return gone;
    }

    /**
     * Whether a folder the walk did not see is gone: it is one of the given folders or lies under
     * one (the deepest), and no folder between that one and it was left out as unchanged.
     */
    private boolean isGoneUnder(String folder, Set<String> given) {
        for (String f = folder; f != null; f = parentOf(f)) {
            if (given.contains(f)) {
                return true;
            }
            if (unlistedFolders.contains(f)) {
                return false;
            }
        }
        return false;
    }

    /** A given folder is listed if it is still a folder the walk of the whole tree would list. */
    private boolean isListable(String folder, Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || dir.startsWith(dataDir)) {
            return false;
        }
        for (Path name : root.relativize(dir)) {
            if (!folder.isEmpty() && name.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    /** A folder without files of its own but with known subfolders is known too. */
    private static Set<String> foldersAndTheirParents(Set<String> folders) {
        Set<String> known = new HashSet<>();
        for (String folder : folders) {
            String f = folder;
            while (f != null && known.add(f)) {
                f = parentOf(f);
            }
        }
        return known;
    }

    /** The parent of a relative folder path; null for the root. */
    private static String parentOf(String folder) {
        return folder.isEmpty() ? null : folder.substring(0, Math.max(0, folder.lastIndexOf('/')));
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (!dir.equals(start) && (isHidden(dir) || dir.equals(dataDir))) {
            return FileVisitResult.SKIP_SUBTREE;
        }
        String folder = relative(dir);
        // Listing given folders, a subfolder the index knows is listed only if given (no event,
        // no change); one it does not know came in whole and is walked whole.
        if (knownFolders != null && !dir.equals(start) && knownFolders.contains(folder)) {
            unlistedFolders.add(folder);
            return FileVisitResult.SKIP_SUBTREE;
        }
        if (!listedFolders.add(folder)) {
            // A given folder already walked whole as the new subfolder of another one.
            return FileVisitResult.SKIP_SUBTREE;
        }
        // What the index knows is read before the folder is listed: a file written by another
        // process in between is then listed but unknown (read, and its row adopted), never known
        // but unlisted (which would delete the row of a file that is there).
        AlbumRow album = albums.get(folder);
        Map<String, KnownFile> known = album == null ? new HashMap<>() : store.knownFiles(album.rowId());
        folders.push(new Listing(new ArrayList<>(), known));
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (folders.isEmpty()) {
            // A given folder that was replaced by a file or a link since its event: not listed.
            return FileVisitResult.CONTINUE;
        }
        if (attrs.isRegularFile() && !isHidden(file)) {
            folders.peek()
                    .files()
                    .add(new FileEntry(
                            RawNames.nameOf(file),
                            attrs.size(),
                            attrs.lastModifiedTime().toMillis()));
        } else if (attrs.isRegularFile() && WriteTempFiles.isTempName(RawNames.nameOf(file))) {
            tempFiles.add(file);
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
        if (file.equals(start) && e instanceof NoSuchFileException && knownFolders != null) {
            // A given folder removed since it was looked at: gone, like one never found.
            return FileVisitResult.CONTINUE;
        }
        String relative = relative(file);
        // An unreadable folder keeps what the index knows of it (and under it): unreadable is
        // not deleted.
        seenFolders.add(relative);
        unlistedFolders.add(relative);
        warnings.add(new ScanWarning(relative, "cannot be read: " + describe(e), false));
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
        Listing listing = folders.pop();
        List<FileEntry> files = listing.files();
        String folder = relative(dir);
        if (e != null) {
            seenFolders.add(folder);
            warnings.add(new ScanWarning(folder, "folder could not be read in full: " + describe(e), false));
            return FileVisitResult.CONTINUE;
        }
        AlbumRow album = albums.get(folder);
        if (album == null && files.isEmpty()) {
            return FileVisitResult.CONTINUE;
        }
        seenFolders.add(folder);
        Map<String, KnownFile> known = listing.known();
        for (FileEntry file : files) {
            KnownFile before = known.remove(file.name());
            if (before != null
                    && before.fileSize() == file.size()
                    && before.modificationTime() == file.mtime()
                    && !before.readerOutdated()) {
                if (before.isAsset()) {
                    unchanged++;
                    if (!before.keyed()) {
                        keyless.add(new FoundFile(folder, file.name(), file.size(), file.mtime(), before));
                    }
                }
            } else {
                toRead.add(new FoundFile(folder, file.name(), file.size(), file.mtime(), before));
            }
        }
        for (Map.Entry<String, KnownFile> gone : known.entrySet()) {
            if (!gone.getValue().isAsset()) {
                unskips.add(new ScanChange.Unskip(
                        album.rowId(), gone.getKey(), gone.getValue().publicId()));
            }
        }
        goneFrom(album == null ? -1 : album.rowId(), known);
        return FileVisitResult.CONTINUE;
    }

    /** Holds the asset rows of files no longer on disk, until the new files are read. */
    private void goneFrom(long albumRowId, Map<String, KnownFile> notFound) {
        for (Map.Entry<String, KnownFile> gone : notFound.entrySet()) {
            KnownFile row = gone.getValue();
            if (row.isAsset()) {
                goneRows.add(new GoneRow(row.assetRowId(), row.publicId(), albumRowId, gone.getKey(), row.keyed()));
            }
        }
    }

    /** The gone rows with their content keys, read now for these rows alone. */
    private List<GoneAsset> withKeys() {
        Map<Long, ContentKey> keys = store.contentKeys(
                goneRows.stream().filter(GoneRow::keyed).map(GoneRow::rowId).toList());
        List<GoneAsset> gone = new ArrayList<>(goneRows.size());
        for (GoneRow row : goneRows) {
            gone.add(new GoneAsset(
                    row.rowId(), row.publicId(), row.albumRowId(), row.filename(), keys.get(row.rowId())));
        }
        return gone;
    }

    private String relative(Path path) {
        return RawNames.relative(root, path);
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    private record FileEntry(String name, long size, long mtime) {}

    /** A folder being listed, with what the index knew of it before the listing began. */
    private record Listing(List<FileEntry> files, Map<String, KnownFile> known) {}

    private record GoneRow(long rowId, String publicId, long albumRowId, String filename, boolean keyed) {}
}
