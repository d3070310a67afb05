package dev.camroll.core.picker;

import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.picker.AssetRepresentationMode;
import dev.camroll.api.picker.PickedAsset;
import dev.camroll.api.picker.PickerOptions;
import dev.camroll.core.media.ExifCarryOver;
import dev.camroll.core.media.JpegConversion;
import dev.camroll.core.media.JpegWriter;
import dev.camroll.core.media.Thumbnailer;
import dev.camroll.core.media.redact.LocationRedactor;
import dev.camroll.core.metadata.MediaFacts;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.metadata.ProbeOutcome;
import dev.camroll.core.store.PickerSessionStore.ResultRow;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;

/**
 * The result file of a picked photo, from a copy of its original. Re-encoded as a JPEG (upright,
 * sRGB, through the thumbnails' decoders) when it was edited, when a quality below 1 is asked, or
 * when it is a HEIC, HEIF or AVIF and the mode is not "current"; otherwise the original's bytes
 * as they are (an animated GIF stays animated). A re-encoded JPEG carries the original JPEG's
 * EXIF only when {@code exif} is asked; without the location permission, GPS and other place
 * tags are overwritten in the result's bytes as the access scope's redaction does for served
 * files.
 */
final class PhotoResults {
    private final Thumbnailer decoder = new Thumbnailer();
    // The zone only matters for capture times, which a result's size does not need.
    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    /**
     * Makes result number {@code position} in {@code folder} from {@code source} (a copy of the
     * original, moved or deleted here).
     */
    ResultRow make(
            int position,
            Path source,
            MediaFormat format,
            String assetId,
            String originalName,
            PickerOptions options,
            PhotoEdit edit,
            boolean seesLocation,
            Path folder)
            throws IOException {
        if (!reencoded(format, options, edit)) {
            String extension = format.extensions().getFirst();
            Path target = folder.resolve(position + "." + extension);
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
            if (!seesLocation) {
                LocationRedactor.redactInPlace(target, format);
            }
            int[] size = shownSize(target);
            return new ResultRow(
                    position,
                    target.getFileName().toString(),
                    ResultNames.fileName(originalName, format),
                    format.mimeType(),
                    PickedAsset.IMAGE,
                    size[0],
                    size[1],
                    Files.size(target),
                    null,
                    assetId);
        }
        BufferedImage picture = decoder.picture(source, format, Integer.MAX_VALUE);
        if (edit != null) {
            picture = cropped(rotated(picture, edit.rotation()), edit.crop());
        }
        Path target = folder.resolve(position + ".jpg");
        double quality = options.quality() == null ? JpegConversion.QUALITY : options.quality();
        encode(picture, (float) quality, target);
        if (options.exif()) {
            ExifCarryOver.carry(source, format, target);
            if (!seesLocation) {
                LocationRedactor.redactInPlace(target, MediaFormat.JPEG);
            }
        }
        Files.delete(source);
        return new ResultRow(
                position,
                target.getFileName().toString(),
                ResultNames.fileName(originalName, MediaFormat.JPEG),
                MediaFormat.JPEG.mimeType(),
                PickedAsset.IMAGE,
                picture.getWidth(),
                picture.getHeight(),
                Files.size(target),
                null,
                assetId);
    }

    /** Whether the result is a new JPEG rather than the original's bytes. */
    static boolean reencoded(MediaFormat format, PickerOptions options, PhotoEdit edit) {
        if (edit != null) {
            return true;
        }
        if (options.quality() != null && options.quality() < 1) {
            return true;
        }
        return (format == MediaFormat.HEIC || format == MediaFormat.AVIF)
                && options.representationMode() != AssetRepresentationMode.CURRENT;
    }

    /** The size the original is shown at (the probe turns it by its EXIF orientation, as the index does). */
    private int[] shownSize(Path file) {
        if (probe.probe(file) instanceof ProbeOutcome.Media(MediaFacts facts)) {
            return new int[] {facts.width(), facts.height()};
        }
        return new int[] {0, 0};
    }

    private static BufferedImage rotated(BufferedImage picture, int degrees) {
        if (degrees == 0) {
            return picture;
        }
        int width = picture.getWidth();
        int height = picture.getHeight();
        AffineTransform turn =
                switch (degrees) {
                    case 90 -> new AffineTransform(0, 1, -1, 0, height, 0);
                    case 180 -> new AffineTransform(-1, 0, 0, -1, width, height);
                    default -> new AffineTransform(0, -1, 1, 0, 0, width);
                };
        boolean quarter = degrees != 180;
        BufferedImage target =
                new BufferedImage(quarter ? height : width, quarter ? width : height, BufferedImage.TYPE_3BYTE_BGR);
        return new AffineTransformOp(turn, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(picture, target);
    }

    private static BufferedImage cropped(BufferedImage picture, CropRect crop) {
        if (crop == null) {
            return picture;
        }
        if ((long) crop.x() + crop.width() > picture.getWidth()
                || (long) crop.y() + crop.height() > picture.getHeight()) {
            throw InvalidArgumentException.of(
                    CropRect.PARAMETER,
                    "crop: " + crop.width() + " x " + crop.height() + " at " + crop.x() + ", " + crop.y()
                            + " reaches outside the picture of " + picture.getWidth() + " x " + picture.getHeight());
        }
        return picture.getSubimage(crop.x(), crop.y(), crop.width(), crop.height());
    }

    private static void encode(BufferedImage picture, float quality, Path target) {
        try {
            JpegWriter.write(picture, quality, target);
        } catch (IOException e) {
            throw new UncheckedIOException("the result could not be written to " + target, e);
        }
    }
}
