package dev.camroll.core.store;

import dev.camroll.api.Location;
import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import java.util.List;
import java.util.Set;

/** One asset as the index holds it: everything an Asset needs, without opening the file. */
public record AssetRow(
        long rowId,
        String publicId,
        long albumRowId,
        String filename,
        MediaType mediaType,
        String format,
        Set<MediaSubtype> subtypes,
        int width,
        int height,
        int orientation,
        long creationTime,
        long modificationTime,
        double duration,
        long fileSize,
        Location location,
        String cameraMake,
        String cameraModel,
        boolean favorite,
        List<String> warnings) {}
