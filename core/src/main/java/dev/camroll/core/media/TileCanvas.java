package dev.camroll.core.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_FRAME_CROP_UNALIGNED;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_apply_cropping;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_image_copy_plane;
import static org.bytedeco.ffmpeg.global.avutil.av_image_get_linesize;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_count_planes;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.javacpp.BytePointer;

/**
 * The picture of a HEIF tile grid, put together from its decoded tiles: a phone stores a 12 MP
 * photo as 48 pictures of 512 x 512 that only together make the photo. The canvas has the grid's
 * coded size and the tiles' pixel format; tiles are copied plane by plane (chroma planes at their
 * subsampled offsets) and clipped to the canvas, then the canvas is cropped to the grid's output
 * size, since the last row and column of tiles overhang the picture.
 */
final class TileCanvas implements AutoCloseable {

    private final AVFrame frame;
    private final int pixelFormat;
    private final AVPixFmtDescriptor descriptor;
    private final int planes;
    private int placed;

    private TileCanvas(AVFrame frame, int pixelFormat) {
        this.frame = frame;
        this.pixelFormat = pixelFormat;
        this.descriptor = av_pix_fmt_desc_get(pixelFormat);
        this.planes = av_pix_fmt_count_planes(pixelFormat);
    }

    /**
     * A canvas of {@code width} x {@code height} pixels of {@code pixelFormat}; the caller has
     * checked the size against its pixel limit.
     */
    static TileCanvas allocate(int width, int height, int pixelFormat) {
        AVFrame frame = av_frame_alloc();
        if (frame == null) {
            throw new NoThumbnailException(NoThumbnailException.Reason.UNREADABLE, "out of native memory");
        }
        frame.width(width);
        frame.height(height);
        frame.format(pixelFormat);
        int allocated = av_frame_get_buffer(frame, 0);
        if (allocated < 0 || av_pix_fmt_desc_get(pixelFormat) == null) {
            av_frame_free(frame);
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.UNREADABLE,
                    "the grid's canvas could not be allocated: " + MediaCodecs.errorText(allocated));
        }
        return new TileCanvas(frame, pixelFormat);
    }

    int pixelFormat() {
        return pixelFormat;
    }

    /** How many tiles were placed. */
    int placed() {
        return placed;
    }

    /** Copies a decoded tile to ({@code left}, {@code top}) of the canvas, clipped to it. */
    void place(AVFrame tile, int left, int top) {
        if (tile.format() != pixelFormat) {
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.UNREADABLE, "the grid's tiles are not all of one pixel format");
        }
        int width = Math.min(tile.width(), frame.width() - left);
        int height = Math.min(tile.height(), frame.height() - top);
        if (left < 0 || top < 0 || width <= 0 || height <= 0) {
            throw new NoThumbnailException(NoThumbnailException.Reason.UNREADABLE, "a tile lies outside its grid");
        }
        for (int plane = 0; plane < planes; plane++) {
            boolean chroma = plane == 1 || plane == 2;
            int shiftY = chroma ? descriptor.log2_chroma_h() : 0;
            int rowOffset = top >> shiftY;
            int rows = ceilShift(height, shiftY);
            int byteOffset = av_image_get_linesize(pixelFormat, left, plane);
            int bytes = av_image_get_linesize(pixelFormat, width, plane);
            if (byteOffset < 0 || bytes <= 0) {
                throw new NoThumbnailException(
                        NoThumbnailException.Reason.UNREADABLE, "the grid's pixel format cannot be assembled");
            }
            int targetStride = frame.linesize(plane);
            BytePointer target =
                    new BytePointer(frame.data(plane)).position((long) rowOffset * targetStride + byteOffset);
            av_image_copy_plane(target, targetStride, tile.data(plane), tile.linesize(plane), bytes, rows);
        }
        placed++;
    }

    /**
     * The assembled picture cropped to {@code width} x {@code height} from ({@code left},
     * {@code top}); the canvas hands its frame over (the caller frees it).
     */
    AVFrame crop(int left, int top, int width, int height) {
        frame.crop_left(left);
        frame.crop_top(top);
        frame.crop_right(frame.width() - left - width);
        frame.crop_bottom(frame.height() - top - height);
        int cropped = av_frame_apply_cropping(frame, AV_FRAME_CROP_UNALIGNED);
        if (cropped < 0) {
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.UNREADABLE,
                    "the grid could not be cropped: " + MediaCodecs.errorText(cropped));
        }
        AVFrame result = av_frame_alloc();
        org.bytedeco.ffmpeg.global.avutil.av_frame_move_ref(result, frame);
        return result;
    }

    private static int ceilShift(int value, int shift) {
        return (value + (1 << shift) - 1) >> shift;
    }

    @Override
    public void close() {
        av_frame_free(frame);
    }
}
