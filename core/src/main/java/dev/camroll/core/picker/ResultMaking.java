package dev.camroll.core.picker;

import dev.camroll.api.Asset;
import dev.camroll.api.MediaType;
import dev.camroll.api.NotFoundException;
import dev.camroll.api.picker.PickedAsset;
import dev.camroll.api.picker.PickerOptions;
import dev.camroll.core.library.OriginalFile;
import dev.camroll.core.library.ScopedLibrary;
import dev.camroll.core.media.redact.LocationRedactor;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.store.PickerSessionStore.ResultRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the result files of a choice in a session's folder, from the owner's originals (read
 * through the owner's scope, which checks they are still the assets' files). Photos go through
 * {@link PhotoResults}; videos are the original's bytes (their location taken out for a maker
 * that does not see locations), whatever the export preset: trimming and transcoding come later.
 */
final class ResultMaking {
    private final ScopedLibrary owner;
    private final PhotoResults photos = new PhotoResults();

    ResultMaking(ScopedLibrary owner) {
        this.owner = owner;
    }

    List<ResultRow> make(
            List<Asset> assets, PickerChoice choice, PickerOptions options, boolean seesLocation, Path folder)
            throws IOException {
        List<ResultRow> rows = new ArrayList<>(assets.size());
        for (int position = 0; position < assets.size(); position++) {
            Asset asset = assets.get(position);
            OriginalFile original =
                    owner.original(asset.id()).orElseThrow(() -> new NotFoundException("asset", List.of(asset.id())));
            MediaFormat format = formatOf(original);
            Path copy = folder.resolve(position + ".source");
            try (SeekableByteChannel channel = original.open();
                    InputStream in = Channels.newInputStream(channel)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            if (asset.mediaType() == MediaType.PHOTO) {
                rows.add(photos.make(
                        position,
                        copy,
                        format,
                        asset.id(),
                        asset.filename(),
                        options,
                        choice.edit(),
                        seesLocation,
                        folder));
            } else {
                rows.add(video(position, copy, format, asset, seesLocation, folder));
            }
        }
        return rows;
    }

    private static ResultRow video(
            int position, Path copy, MediaFormat format, Asset asset, boolean seesLocation, Path folder)
            throws IOException {
        Path target = folder.resolve(position + "." + format.extensions().getFirst());
        Files.move(copy, target, StandardCopyOption.REPLACE_EXISTING);
        if (!seesLocation) {
            LocationRedactor.redactInPlace(target, format);
        }
        return new ResultRow(
                position,
                target.getFileName().toString(),
                ResultNames.fileName(asset.filename(), format),
                format.mimeType(),
                PickedAsset.VIDEO,
                asset.width(),
                asset.height(),
                Files.size(target),
                Math.round(asset.duration() * 1000),
                asset.id());
    }

    /** The format of an original, from the type the index read from its content. */
    private static MediaFormat formatOf(OriginalFile original) {
        for (MediaFormat format : MediaFormat.values()) {
            if (format.mimeType().equals(original.mimeType())) {
                return format;
            }
        }
        MediaFormat byName = MediaFormat.fromFileName(original.filename());
        if (byName == null) {
            throw new IllegalStateException("the original of " + original.assetId() + " has no known format");
        }
        return byName;
    }
}
