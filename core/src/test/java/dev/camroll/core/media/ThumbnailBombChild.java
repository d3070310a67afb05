package dev.camroll.core.media;

import dev.camroll.core.metadata.MediaFormat;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes a thumbnail of each file named on the command line, in a JVM with a small heap; prints
 * one line per file ({@code made WxH} or {@code refused REASON}), then the peak heap and the
 * peak resident memory, then {@code alive}.
 */
public final class ThumbnailBombChild {

    private ThumbnailBombChild() {}

    public static void main(String[] args) throws Exception {
        Thumbnailer thumbnailer = new Thumbnailer();
        for (String name : args) {
            Path file = Path.of(name);
            try {
                Thumbnail thumbnail = thumbnailer.make(file, MediaFormat.fromFileName(name), ThumbnailSize.PREVIEW);
                System.out.println("made " + thumbnail.width() + "x" + thumbnail.height());
            } catch (NoThumbnailException e) {
                System.out.println("refused " + e.reason());
            }
        }
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("heap " + peakHeap);
        System.out.println("rss " + peakResidentBytes());
        System.out.println("alive");
    }

    private static long peakResidentBytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }
}
