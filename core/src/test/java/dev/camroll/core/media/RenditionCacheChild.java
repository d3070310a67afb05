package dev.camroll.core.media;

import dev.camroll.core.metadata.MediaFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One of several processes asking for the same video rendition at once: waits for the file GO to
 * exist, asks the cache in DATA for the MP4 of VIDEO (an MPEG-TS), then prints how many it made
 * itself and the entry's ETag and length.
 */
public final class RenditionCacheChild {

    private RenditionCacheChild() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path video = Path.of(args[1]);
        Path go = Path.of(args[2]);
        System.out.println("ready");
        System.out.flush();
        while (!Files.exists(go)) {
            Thread.sleep(5);
        }
        try (RenditionCache cache = new RenditionCache(data, RenditionSettings.DEFAULTS)) {
            CachedRendition made = cache.get(
                    new RenditionSource(
                            "sharedvideo01",
                            video,
                            MediaFormat.MTS,
                            Files.size(video),
                            Files.getLastModifiedTime(video).toMillis()),
                    RenditionKind.VIDEO_MP4,
                    Duration.ofMinutes(5));
            System.out.println("made=" + cache.madeCount() + " etag=" + made.etag() + " length=" + made.length());
        }
    }
}
