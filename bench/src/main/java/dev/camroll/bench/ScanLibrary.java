package dev.camroll.bench;

import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.ScanProgress;
import dev.camroll.api.ScanReport;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scans a library through the embedded API in a plain JVM: {@code ScanLibrary LIBRARY}. The scan
 * benchmarks time it next to {@code ./camroll scan}, which shows what the command line adds.
 */
public final class ScanLibrary {
    private ScanLibrary() {}

    public static void main(String[] args) {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: ScanLibrary LIBRARY (an existing folder)");
            System.exit(2);
        }
        try (MediaLibrary library = MediaLibrary.open(
                Path.of(args[0]),
                LibraryOptions.defaults().withScanOnOpen(false).withWatch(false))) {
            ScanReport report = library.scan(ScanProgress.NONE);
            System.out.printf(
                    "%d added, %d changed, %d removed, %d unchanged, %d warnings in %d ms%n",
                    report.added(),
                    report.changed(),
                    report.removed(),
                    report.unchanged(),
                    report.warnings().size(),
                    report.elapsedMillis());
        }
    }
}
