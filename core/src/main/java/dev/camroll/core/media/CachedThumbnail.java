package dev.camroll.core.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A thumbnail in the cache. Its file never changes once there (a new version of the asset's file
 * gets a new entry), so the strong ETag and long-lived caching hold. Another process may remove
 * an outdated entry: a caller that finds the file gone asks the cache again.
 *
 * @param file the entry's file, complete (written under another name, then renamed)
 * @param etag a strong entity tag, quoted as HTTP wants it
 * @param mimeType {@code image/jpeg} or {@code image/webp}
 * @param length the file's length in bytes
 */
public record CachedThumbnail(Path file, String etag, String mimeType, long length) {

    /** The entry's bytes. */
    public byte[] readBytes() throws IOException {
        return Files.readAllBytes(file);
    }
}
