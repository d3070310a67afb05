package dev.camroll.core.scan;

import dev.camroll.api.ScanWarning;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.ScanChange;
import java.nio.file.Path;
import java.util.List;

/**
 * What the walk found, before any file is read.
 *
 * @param toRead new and changed files
 * @param removals index rows of files that are gone from folders that still exist
 * @param goneAlbums folders that are gone from disk (or hold nothing any more)
 * @param tempFiles hidden temporary files of writes ({@link WriteTempFiles}), running or left over
 */
record WalkResult(
        List<FoundFile> toRead,
        List<ScanChange> removals,
        int removedAssets,
        List<AlbumRow> goneAlbums,
        int unchanged,
        List<ScanWarning> warnings,
        List<Path> tempFiles) {}
