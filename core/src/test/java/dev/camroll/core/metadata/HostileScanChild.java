package dev.camroll.core.metadata;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.api.ScanProgress;
import dev.camroll.api.ScanReport;
import dev.camroll.api.ScanWarning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;

/**
 * The process {@link HostileFolderScanTest} measures: scans a library of hostile files, reads the
 * full metadata of every asset, then prints what it found and its own peak resident memory.
 *
 * <p>Output lines: {@code warning <file> <message>}, {@code asset <file> <ms of getAssetInfo> <creation time>},
 * {@code scan <ms>}, {@code peak-rss-kb <VmHWM>}.
 */
public final class HostileScanChild {

    private HostileScanChild() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        LibraryOptions options =
                LibraryOptions.defaults().withWatch(false).withScanOnOpen(false).withTimeZone(ZoneOffset.UTC);
        try (MediaLibrary library = MediaLibrary.open(root, options)) {
            long started = System.nanoTime();
            ScanReport report = library.scan(ScanProgress.NONE);
            System.out.println("scan " + (System.nanoTime() - started) / 1_000_000);
            for (ScanWarning warning : report.warnings()) {
                System.out.println("warning " + Path.of(warning.path()).getFileName() + " " + warning.message());
            }
            AssetQuery everything = AssetQuery.builder()
                    .mediaTypes(MediaType.PHOTO, MediaType.VIDEO, MediaType.AUDIO)
                    .first(AssetQuery.MAX_FIRST)
                    .build();
            for (Asset asset : library.getAssets(everything).assets()) {
                long infoStarted = System.nanoTime();
                library.getAssetInfo(asset.id());
                long infoMillis = (System.nanoTime() - infoStarted) / 1_000_000;
                System.out.println("asset " + asset.filename() + " " + infoMillis + " " + asset.creationTime());
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                System.out.println("peak-rss-kb " + line.replaceAll("\\D", ""));
            }
        }
    }
}
