package dev.camroll.core.media;

import dev.camroll.core.metadata.MediaFormat;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An asset's file as the index knows it: what a cached thumbnail is made from and keyed by. The
 * size and modification time are those the index stored when it last read the file, so that an
 * entry made before the file changed is never served after.
 *
 * @param assetId the asset's id (letters, digits, {@code -} and {@code _}: it names a folder)
 * @param file the file to read
 * @param format the file's format as the index has it
 * @param fileSize the file's size in bytes, as indexed
 * @param modifiedMillis the file's modification time, as indexed
 */
public record ThumbnailSource(String assetId, Path file, MediaFormat format, long fileSize, long modifiedMillis) {
    public ThumbnailSource {
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
    }
}
