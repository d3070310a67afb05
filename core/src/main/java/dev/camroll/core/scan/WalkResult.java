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
 * @param keyless unchanged files whose row has no content key yet (indexed before keys were kept)
 * @param unskips skipped files that are gone from folders that still exist
 * @param goneAssets asset rows whose file is gone, from folders that still exist and from gone
 *     folders: each is a move when a new file has its content, else deleted
 * @param goneAlbums folders that are gone from disk (or hold nothing any more), removed once their
 *     assets moved or were deleted
 * @param indexWasEmpty the index knew no folder before the walk: no new file can be a known one
 * @param tempFiles hidden temporary files of writes ({@link WriteTempFiles}), running or left over
 */
record WalkResult(
        List<FoundFile> toRead,
        List<FoundFile> keyless,
        List<ScanChange> unskips,
        List<GoneAsset> goneAssets,
        List<AlbumRow> goneAlbums,
        int unchanged,
        boolean indexWasEmpty,
        List<ScanWarning> warnings,
        List<Path> tempFiles) {}
