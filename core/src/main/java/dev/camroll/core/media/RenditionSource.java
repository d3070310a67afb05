package dev.camroll.core.media;

import dev.camroll.core.metadata.MediaFormat;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a rendition is made from: an asset's file as the index has it. The indexed size and
 * modification time name the version of the file, so a rendition of an older version is never
 * served for a newer one.
 */
public record RenditionSource(String assetId, Path file, MediaFormat format, long fileSize, long modifiedMillis) {
    public RenditionSource {
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
    }
}
