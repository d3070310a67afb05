package dev.camroll.api;

import java.nio.file.Path;
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
 */
public record LibraryOptions(Path dataDir, boolean scanOnOpen, ZoneId timeZone, ScanProgress progress, boolean watch) {
    public LibraryOptions {
        timeZone = timeZone == null ? ZoneId.systemDefault() : timeZone;
        progress = progress == null ? ScanProgress.NONE : progress;
    }

    /** Scan on open, watch while open, the system's time zone, the index in {@code LIBRARY/.camroll}. */
    public static LibraryOptions defaults() {
        return new LibraryOptions(null, true, null, null, true);
    }

    public LibraryOptions withDataDir(Path dataDir) {
        return new LibraryOptions(dataDir, scanOnOpen, timeZone, progress, watch);
    }

    public LibraryOptions withScanOnOpen(boolean scanOnOpen) {
        return new LibraryOptions(dataDir, scanOnOpen, timeZone, progress, watch);
    }

    public LibraryOptions withTimeZone(ZoneId timeZone) {
        return new LibraryOptions(dataDir, scanOnOpen, timeZone, progress, watch);
    }

    public LibraryOptions withProgress(ScanProgress progress) {
        return new LibraryOptions(dataDir, scanOnOpen, timeZone, progress, watch);
    }

    public LibraryOptions withWatch(boolean watch) {
        return new LibraryOptions(dataDir, scanOnOpen, timeZone, progress, watch);
    }
}
