package dev.camroll.core.media;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A small thumbnail of a HEIF picture made from the thumbnail item the file stores beside it
 * ({@code thmb}), without decoding the picture: an iPhone's 12 MP photo is 48 tiles of 512 x 512,
 * its thumbnail item one 320 x 240 picture, enough for the 256 px grid. The item is taken only when
 * its long edge reaches the size asked for, its shape and its {@code irot}/{@code imir} are the
 * primary picture's, the primary picture is within the pixel limit and, for a grid, claims the
 * size its {@code ispe} gives, and the picture has no alpha plane (whose own thumbnail would be needed);
 * it is turned by its own {@code irot} and {@code imir} and converted from its own {@code colr}
 * profile. Anything else, or an item that does not decode, falls back to the whole picture.
 */
final class HeifThumbnailItem {

    private HeifThumbnailItem() {}

    /** The picture from the thumbnail item, its long edge at most {@code longEdge}; null when there is none to use. */
    static BufferedImage picture(Path file, int longEdge, long maxPixels) {
        HeifItems items = HeifItems.read(file).orElse(null);
        if (items == null || items.alpha().isPresent()) {
            return null;
        }
        HeifItems.Item main = items.primary().orElse(null);
        if (main == null
                || (long) main.width() * main.height() > maxPixels
                || (main.type().equals("grid") && !items.gridAgreesWithItsSize(file, main))) {
            return null; // the whole decoder refuses, or crops, such a picture as it must
        }
        HeifItems.Item thumbnail = items.thumbnail(longEdge).orElse(null);
        if (thumbnail == null || (long) thumbnail.width() * thumbnail.height() > maxPixels) {
            return null;
        }
        try (TileDecoder decoder = new TileDecoder(maxPixels)) {
            AVFrame frame = HeifItemDecoder.decode(file, items, thumbnail, decoder);
            try {
                // The colr profile converts the colours; primaries left on the frame would have
                // swscale convert them a second time (as the grid's canvas, which has none, is not).
                frame.color_primaries(AVCOL_PRI_UNSPECIFIED);
                frame.color_trc(AVCOL_TRC_UNSPECIFIED);
                int[] size = VideoFrames.fit(frame.width(), frame.height(), longEdge);
                BufferedImage stored = FrameScaler.scale(frame, size[0], size[1]);
                return Orientation.apply(
                        SrgbConversion.toSrgb(stored, thumbnail.iccProfile()), thumbnail.orientation());
            } finally {
                av_frame_free(frame);
            }
        } catch (NoThumbnailException e) {
            return null;
        }
    }
}
