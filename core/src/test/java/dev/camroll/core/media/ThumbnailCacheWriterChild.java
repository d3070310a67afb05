package dev.camroll.core.media;

import dev.camroll.core.metadata.MediaFormat;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One of several processes making the same thumbnails at once: for each version 1 to COUNT of a
 * file (as if it changed each time), asks the cache in DATA for its preview, then prints
 * {@code done}.
 */
public final class ThumbnailCacheWriterChild {

    private ThumbnailCacheWriterChild() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path file = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        ThumbnailCache cache = new ThumbnailCache(data, new Thumbnailer());
        for (int version = 1; version <= count; version++) {
            cache.get(
                    new ThumbnailSource("shared0000001", file, MediaFormat.PNG, Files.size(file), version),
                    ThumbnailSize.PREVIEW);
        }
        System.out.println("done");
    }
}
