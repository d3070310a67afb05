package dev.camroll.core.library;

import dev.camroll.api.ErrorCode;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.AssetStore;
import dev.camroll.core.store.StoreException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Album rows by row id, kept in memory: a page of assets needs each asset's folder (for its URI
 * and album id), and a library has few folders next to its many assets.
 */
final class AlbumDirectory {
    private final AssetStore store;
    private final String rootPath;
    private final Map<Long, Entry> byRowId = new ConcurrentHashMap<>();

    AlbumDirectory(AssetStore store, Path root) {
        this.store = store;
        String path = root.toString();
        this.rootPath = path.endsWith("/") ? path : path + "/";
    }

    Entry get(long rowId) {
        Entry entry = byRowId.get(rowId);
        if (entry == null) {
            AlbumRow row = store.albumByRowId(rowId)
                    .orElseThrow(() ->
                            new StoreException(ErrorCode.INTERNAL, "the index names a missing folder row " + rowId));
            entry = new Entry(row, row.relPath().isEmpty() ? rootPath : rootPath + row.relPath() + "/");
            byRowId.put(rowId, entry);
        }
        return entry;
    }

    /** Folders can be removed and their row ids reused by a scan: forget what was cached. */
    void clear() {
        byRowId.clear();
    }

    /** @param folderPath the folder's absolute path, ending with a slash */
    record Entry(AlbumRow row, String folderPath) {}
}
