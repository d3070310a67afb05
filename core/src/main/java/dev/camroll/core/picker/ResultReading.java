package dev.camroll.core.picker;

import dev.camroll.api.picker.PickedAsset;
import dev.camroll.api.picker.PickerOptions;
import dev.camroll.core.media.redact.LocationFreeMetadata;
import dev.camroll.core.metadata.MetadataDump;
import dev.camroll.core.store.PickerSessionStore.ResultRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A picked session's results as expo's {@code ImagePickerAsset}s, from its rows and files: the
 * EXIF fields and Base64 are read from the result file itself when asked, so they always say
 * what the file holds.
 */
final class ResultReading {
    private final SessionFolders folders;

    ResultReading(SessionFolders folders) {
        this.folders = folders;
    }

    /**
     * @param visible the asset ids the maker may be told (what its scope sees now)
     * @param seesLocation whether the maker sees locations (else no place tag is in the EXIF fields)
     */
    List<PickedAsset> assets(
            String sessionId,
            List<ResultRow> results,
            PickerOptions options,
            Collection<String> visible,
            boolean seesLocation) {
        List<PickedAsset> assets = new ArrayList<>(results.size());
        for (ResultRow row : results) {
            Path file = folders.of(sessionId).resolve(row.file());
            boolean image = row.type().equals(PickedAsset.IMAGE);
            assets.add(new PickedAsset(
                    file.toUri().toString(),
                    visible.contains(row.assetId()) ? row.assetId() : null,
                    row.width(),
                    row.height(),
                    row.type(),
                    row.fileName(),
                    row.fileSize(),
                    row.mimeType(),
                    row.durationMs(),
                    options.exif() && image ? exif(file, seesLocation) : null,
                    options.base64() && image ? base64(file) : null,
                    null));
        }
        return assets;
    }

    private static Map<String, Object> exif(Path file, boolean seesLocation) {
        Map<String, Map<String, String>> all = MetadataDump.readAll(file);
        return new LinkedHashMap<>(seesLocation ? all : LocationFreeMetadata.of(all));
    }

    private static String base64(Path file) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("the result " + file.getFileName() + " could not be read", e);
        }
    }
}
