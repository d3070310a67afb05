package dev.camroll.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_ICC_PROFILE;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_DEFAULT;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_DEPENDENT;
import static org.bytedeco.ffmpeg.global.avformat.AV_STREAM_GROUP_PARAMS_TILE_GRID;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avformat.AVStreamGroup;
import org.bytedeco.ffmpeg.avformat.AVStreamGroupTileGrid;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Decodes the primary picture of a HEIF file (HEIC, HEIF, AVIF) in this process. FFmpeg's MOV
 * demuxer (7.1 and later) gives each coded item as a stream, and a tile grid (how phones store
 * photos: a 12 MP iPhone photo is 48 HEVC pictures of 512 x 512) as a stream group whose
 * parameters place each tile; the tiles are decoded one by one (HEVC, or AV1 for AVIF, by the
 * bundled decoders) into a {@link TileCanvas}, cropped to the grid's size. The primary item is
 * the grid or stream FFmpeg marks as the default (the file's {@code pitm}); thumbnail, depth and
 * gain-map items are left alone. The item's {@code irot} and {@code imir}, which FFmpeg gives as a
 * display matrix, are its orientation; the EXIF orientation of a HEIF only repeats them (as the
 * HEIF standard says, and as the index sizes HEIF pictures), so it is not applied again. The
 * {@code colr} ICC profile comes along for the conversion to sRGB. An alpha plane (an auxiliary
 * item FFmpeg does not mark as such) is found by {@link HeifItems} and decoded on its own, for the
 * picture to be laid over white as PNG and WebP are; an alpha that is itself a tile grid is not.
 *
 * <p>Bounded: a grid or item claiming more pixels than allowed is refused before anything is
 * allocated or decoded, each tile's decoder gets the same limit, and reading stops at the
 * demuxer's deadline.
 */
final class HeifDecoder {

    /**
     * The primary picture, as stored (native; close it).
     *
     * @param orientation the EXIF orientation (1 to 8) that shows it as meant, from irot and imir
     */
    record Picture(AVFrame frame, byte[] iccProfile, int orientation, Transparency transparency)
            implements AutoCloseable {

        Picture(AVFrame frame, byte[] iccProfile, int orientation) {
            this(frame, iccProfile, orientation, null);
        }

        @Override
        public void close() {
            av_frame_free(frame);
            if (transparency != null) {
                av_frame_free(transparency.alpha());
            }
        }
    }

    /**
     * The picture's alpha plane (native; freed with the picture), decoded from its auxiliary item.
     *
     * @param premultiplied whether the colours are multiplied by it already ({@code prem})
     */
    record Transparency(AVFrame alpha, boolean premultiplied) {}

    private HeifDecoder() {}

    /**
     * Decodes the primary picture of {@code file}.
     *
     * @throws NoThumbnailException when the file is not a readable HEIF, claims more than
     *     {@code maxPixels}, or a tile cannot be decoded
     */
    static Picture decode(Path file, long maxPixels) {
        Picture picture = decodePrimary(file, maxPixels);
        try {
            return withAlpha(file, picture, maxPixels);
        } catch (RuntimeException e) {
            picture.close();
            throw e;
        }
    }

    /**
     * The picture with its alpha plane, when the file has one that is a single coded item (as
     * FFmpeg's AVIF muxer and libheif write it); an alpha that cannot be decoded leaves the
     * picture opaque rather than without a thumbnail.
     */
    private static Picture withAlpha(Path file, Picture picture, long maxPixels) {
        HeifItems items = HeifItems.read(file).orElse(null);
        HeifItems.Item alpha = items == null ? null : items.alpha().orElse(null);
        if (alpha == null || (long) alpha.width() * alpha.height() > maxPixels) {
            return picture;
        }
        try (TileDecoder decoder = new TileDecoder(maxPixels)) {
            AVFrame plane = HeifItemDecoder.decode(file, items, alpha, decoder);
            return new Picture(
                    picture.frame(),
                    picture.iccProfile(),
                    picture.orientation(),
                    new Transparency(plane, items.premultiplied()));
        } catch (NoThumbnailException e) {
            return picture;
        }
    }

    private static Picture decodePrimary(Path file, long maxPixels) {
        try (VideoInput input = VideoInput.openStill(file)) {
            AVFormatContext context = input.context;
            AVStreamGroup grid = primaryGrid(context);
            if (grid != null) {
                return decodeGrid(input, grid.params_tile_grid(), grid, maxPixels);
            }
            int stream = primaryStream(context);
            if (stream < 0) {
                throw new NoThumbnailException(
                        NoThumbnailException.Reason.NO_PICTURE, "the file holds no picture item");
            }
            return decodeItem(input, context.streams(stream), maxPixels);
        }
    }

    /** The tile grid marked as the primary item, else the first one; null when there is none. */
    private static AVStreamGroup primaryGrid(AVFormatContext context) {
        AVStreamGroup first = null;
        for (int i = 0; i < context.nb_stream_groups(); i++) {
            AVStreamGroup group = context.stream_groups(i);
            if (group.type() != AV_STREAM_GROUP_PARAMS_TILE_GRID) {
                continue;
            }
            if ((group.disposition() & AV_DISPOSITION_DEFAULT) != 0) {
                return group;
            }
            if (first == null) {
                first = group;
            }
        }
        // A default single item beats a grid that is not the primary one.
        return first != null && defaultStream(context) < 0 ? first : null;
    }

    private static int defaultStream(AVFormatContext context) {
        for (int i = 0; i < context.nb_streams(); i++) {
            AVStream stream = context.streams(i);
            if (stream.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO
                    && (stream.disposition() & AV_DISPOSITION_DEFAULT) != 0
                    && (stream.disposition() & AV_DISPOSITION_DEPENDENT) == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The item marked as the primary one, else the first picture that is no grid's tile. */
    private static int primaryStream(AVFormatContext context) {
        int primary = defaultStream(context);
        if (primary >= 0) {
            return primary;
        }
        for (int i = 0; i < context.nb_streams(); i++) {
            AVStream stream = context.streams(i);
            if (stream.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO
                    && (stream.disposition() & AV_DISPOSITION_DEPENDENT) == 0) {
                return i;
            }
        }
        return -1;
    }

    private static Picture decodeItem(VideoInput input, AVStream stream, long maxPixels) {
        AVCodecParameters parameters = stream.codecpar();
        refuseLarger(parameters.width(), parameters.height(), maxPixels);
        AVPacket packet = av_packet_alloc();
        try (TileDecoder decoder = new TileDecoder(maxPixels)) {
            while (!input.pastDeadline() && av_read_frame(input.context, packet) >= 0) {
                try {
                    if (packet.stream_index() == stream.index()) {
                        AVFrame frame = decoder.decode(parameters, packet);
                        return new Picture(
                                frame,
                                sideData(parameters.coded_side_data(), parameters.nb_coded_side_data()),
                                orientation(parameters.coded_side_data(), parameters.nb_coded_side_data()));
                    }
                } finally {
                    av_packet_unref(packet);
                }
            }
            throw new NoThumbnailException(NoThumbnailException.Reason.UNREADABLE, "the picture's data is missing");
        } finally {
            av_packet_free(packet);
        }
    }

    private static Picture decodeGrid(
            VideoInput input, AVStreamGroupTileGrid grid, AVStreamGroup group, long maxPixels) {
        int tiles = grid.nb_tiles();
        int codedWidth = grid.coded_width();
        int codedHeight = grid.coded_height();
        refuseLarger(grid.width(), grid.height(), maxPixels);
        refuseLarger(codedWidth, codedHeight, maxPixels);
        if (tiles <= 0
                || grid.width() <= 0
                || grid.height() <= 0
                || grid.horizontal_offset() < 0
                || grid.vertical_offset() < 0
                || (long) grid.horizontal_offset() + grid.width() > codedWidth
                || (long) grid.vertical_offset() + grid.height() > codedHeight) {
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.UNREADABLE, "the tile grid's sizes do not agree");
        }
        // Which tiles each stream's picture fills (an item may be used by several tiles).
        Map<Integer, List<Integer>> tilesOfStream = new HashMap<>();
        for (int tile = 0; tile < tiles; tile++) {
            int member = grid.offsets_idx(tile);
            if (member < 0 || member >= group.nb_streams()) {
                throw new NoThumbnailException(NoThumbnailException.Reason.UNREADABLE, "a tile names no stream");
            }
            tilesOfStream
                    .computeIfAbsent(group.streams(member).index(), k -> new ArrayList<>())
                    .add(tile);
        }
        AVPacket packet = av_packet_alloc();
        TileCanvas canvas = null;
        try (TileDecoder decoder = new TileDecoder(maxPixels)) {
            while (canvas == null || canvas.placed() < tiles) {
                if (input.pastDeadline() || av_read_frame(input.context, packet) < 0) {
                    break;
                }
                try {
                    List<Integer> placed = tilesOfStream.remove(packet.stream_index());
                    if (placed == null) {
                        continue; // another item's data (the thumbnail, a depth map), or a repeat
                    }
                    AVStream stream = input.context.streams(packet.stream_index());
                    AVFrame tile = decoder.decode(stream.codecpar(), packet);
                    try {
                        if (canvas == null) {
                            canvas = TileCanvas.allocate(codedWidth, codedHeight, tile.format());
                        }
                        for (int index : placed) {
                            canvas.place(tile, grid.offsets_horizontal(index), grid.offsets_vertical(index));
                        }
                    } finally {
                        av_frame_free(tile);
                    }
                } finally {
                    av_packet_unref(packet);
                }
            }
            int placedTiles = canvas == null ? 0 : canvas.placed();
            if (placedTiles < tiles) {
                throw new NoThumbnailException(
                        NoThumbnailException.Reason.UNREADABLE,
                        "only " + placedTiles + " of the grid's " + tiles + " tiles could be read");
            }
            AVFrame picture =
                    canvas.crop(grid.horizontal_offset(), grid.vertical_offset(), grid.width(), grid.height());
            return new Picture(
                    picture,
                    sideData(grid.coded_side_data(), grid.nb_coded_side_data()),
                    orientation(grid.coded_side_data(), grid.nb_coded_side_data()));
        } finally {
            if (canvas != null) {
                canvas.close();
            }
            av_packet_free(packet);
        }
    }

    private static void refuseLarger(int width, int height, long maxPixels) {
        if (width <= 0 || height <= 0) {
            throw new NoThumbnailException(NoThumbnailException.Reason.UNREADABLE, "the picture has no size");
        }
        if ((long) width * height > maxPixels) {
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.TOO_LARGE,
                    "the picture claims " + width + " x " + height + " pixels, more than the limit of " + maxPixels);
        }
    }

    /** The ICC profile among an item's side data, or null. */
    private static byte[] sideData(AVPacketSideData all, int count) {
        AVPacketSideData icc = av_packet_side_data_get(all, count, AV_PKT_DATA_ICC_PROFILE);
        if (icc == null || icc.isNull() || icc.size() <= 0 || icc.data() == null) {
            return null;
        }
        byte[] profile = new byte[(int) icc.size()];
        icc.data().get(profile);
        return profile;
    }

    private static int orientation(AVPacketSideData all, int count) {
        AVPacketSideData matrix = av_packet_side_data_get(all, count, AV_PKT_DATA_DISPLAYMATRIX);
        if (matrix == null || matrix.isNull() || matrix.size() < 9 * 4 || matrix.data() == null) {
            return 1;
        }
        int[] entries = new int[9];
        new org.bytedeco.javacpp.IntPointer(matrix.data()).get(entries);
        return HeifDisplayMatrix.exifOrientation(entries);
    }
}
