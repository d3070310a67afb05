package dev.camroll.core.media;

import java.nio.file.Path;

/**
 * A rendition in the cache. Its file never changes once there (a new version of the asset's file
 * gets a new entry), so its strong ETag holds. Another process may remove an outdated entry: a
 * caller that finds the file gone asks the cache again.
 *
 * @param file the entry's file, complete (written under another name, then renamed)
 * @param kind what it is (its MIME type and extension)
 * @param etag a strong entity tag, quoted as HTTP wants it
 * @param length the file's length in bytes
 * @param lastModifiedMillis when the entry was written
 */
public record CachedRendition(Path file, RenditionKind kind, String etag, long length, long lastModifiedMillis) {

    public String mimeType() {
        return kind.mimeType();
    }
}
