package dev.camroll.core.scan;

import java.util.Set;

/** What a scan compares with the index: the whole folder tree, or the folders that had events. */
public sealed interface ScanScope {
    /** Every folder: what a scan called directly does, and the watcher's fallback. */
    ScanScope WHOLE_TREE = new WholeTree();

    record WholeTree() implements ScanScope {}

    /**
     * Folders that had watch events, relative to the root with '/' separators ("" is the root).
     * Each is listed on its own, without its subfolders the index knows; a subfolder the index
     * does not know is walked whole (its files came in without an event each), and the index's
     * folders under it that are gone from disk become gone folders.
     */
    record Folders(Set<String> relPaths) implements ScanScope {
        public Folders {
            relPaths = Set.copyOf(relPaths);
        }
    }
}
