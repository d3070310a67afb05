package dev.camroll.core.scan;

import dev.camroll.core.files.RawNames;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The folders that had watch events since the last scan began, which bound what that scan must
 * look at. Beyond {@link #MAX_FOLDERS} folders, or after an overflow (events were lost, so no one
 * knows where), the scan covers the whole tree: listing that many folders one by one would cost
 * about as much, and a lost event must not leave a change unindexed.
 *
 * <p>Not thread-safe: the watcher guards it with its lock.
 */
final class EventFolders {
    static final int MAX_FOLDERS = 1_000;

    private final Path root;
    private final int maxFolders;
    private Set<String> folders = new HashSet<>();
    private boolean wholeTree;

    EventFolders(Path root) {
        this(root, MAX_FOLDERS);
    }

    EventFolders(Path root, int maxFolders) {
        this.root = root;
        this.maxFolders = maxFolders;
    }

    /**
     * A change at {@code path}: its folder is listed again. A folder's own event also lists the
     * folder itself (new, it is walked whole; gone, its rows become gone rows).
     */
    void changed(Path path, boolean isFolder) {
        if (path.equals(root)) {
            add(path);
            return;
        }
        add(path.getParent());
        if (isFolder) {
            add(path);
        }
    }

    /** Events were lost, or a scan failed: the next scan covers the whole tree. */
    void coverWholeTree() {
        wholeTree = true;
        folders = new HashSet<>();
    }

    /** What the next scan covers; the set starts empty again. */
    ScanScope take() {
        ScanScope scope = wholeTree ? ScanScope.WHOLE_TREE : new ScanScope.Folders(folders);
        wholeTree = false;
        folders = new HashSet<>();
        return scope;
    }

    private void add(Path folder) {
        if (wholeTree || folder == null || !folder.startsWith(root)) {
            return;
        }
        folders.add(RawNames.relative(root, folder));
        if (folders.size() > maxFolders) {
            coverWholeTree();
        }
    }
}
