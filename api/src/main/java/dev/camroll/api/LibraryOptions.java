package dev.camroll.api;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/**
 * How a library is opened.
 *
 * @param dataDir where the index lives; null for {@code LIBRARY/.camroll}
 * @param scanOnOpen whether open() brings the index up to date with the folder before returning
 * @param timeZone the zone of EXIF times that carry no offset (cameras write local time)
 * @param progress told how the scan on open advances
 * @param watch whether the open library watches its folder tree and indexes changes made on disk
 *     by other programs as they happen (until it is closed)
 * @param trashRetention how long deleted assets stay restorable; older ones are purged at open
 */
public record LibraryOptions(
        Path dataDir,
        boolean scanOnOpen,
        ZoneId timeZone,
        ScanProgress progress,
        boolean watch,
        Duration trashRetention) {
    public static final Duration DEFAULT_TRASH_RETENTION = Duration.ofDays(30);

    public LibraryOptions {
        timeZone = timeZone == null ? ZoneId.systemDefault() : timeZone;
        progress = progress == null ? ScanProgress.NONE : progress;
        trashRetention = trashRetention == null ? DEFAULT_TRASH_RETENTION : trashRetention;
        if (trashRetention.isNegative()) {
            throw InvalidArgumentException.of(
                    "trashRetention", "trashRetention: must not be negative, was " + trashRetention);
        }
    }

    /** Scan on open, watch while open, the system's time zone, the index in {@code LIBRARY/.camroll}. */
    public static LibraryOptions defaults() {
        return new LibraryOptions(null, true, null, null, true, null);
    }

    public LibraryOptions withDataDir(Path dataDir) {
        return new LibraryOptions(dataDir, scanOnOpen, timeZone, progress, watch, trashRetention);
    }

    public LibraryOptions withScanOnOpen(boolean scanOnOpen) {
        return new LibraryOptions(dataDir, scanOnOpen, timeZone, progress, watch, trashRetention);
    }

    public LibraryOptions withTimeZone(ZoneId timeZone) {
        return new LibraryOptions(dataDir, scanOnOpen, timeZone, progress, watch, trashRetention);
    }

    public LibraryOptions withProgress(ScanProgress progress) {
        return new LibraryOptions(dataDir, scanOnOpen, timeZone, progress, watch, trashRetention);
    }

    public LibraryOptions withWatch(boolean watch) {
        return new LibraryOptions(dataDir, scanOnOpen, timeZone, progress, watch, trashRetention);
    }

    public LibraryOptions withTrashRetention(Duration trashRetention) {
        return new LibraryOptions(dataDir, scanOnOpen, timeZone, progress, watch, trashRetention);
    }
}
